package ca.ptm.nocturne.gazelle.sync;

/**
 * How an upsert treats a column whose row already exists. Protected columns are set by people or other processes:
 * the sync never writes an empty, false or default value over them.
 */
public enum ColumnPolicy {
    /** Gazelle is the source of truth. */
    OVERWRITE,
    /** Hand-set tags (e.g. "institutional"): the incoming tags are added, none is ever removed. */
    UNION_TAGS,
    /** The PLS flag: once true, a false or missing value never resets it. */
    KEEP_TRUE,
    /** Titles and descriptions: an empty incoming value keeps the stored one. */
    KEEP_WHEN_EMPTY;

    /**
     * The value the row holds after the write.
     *
     * @param stored   the column of the existing row, e.g. {@code t.tags}
     * @param incoming the column of the incoming row, e.g. {@code EXCLUDED.tags}
     */
    String expression(String stored, String incoming) {
        return switch (this) {
            case OVERWRITE -> incoming;
            case UNION_TAGS -> "ARRAY(SELECT DISTINCT unnest(coalesce(" + stored + ", '{}'::text[]) || coalesce(" + incoming
                    + ", '{}'::text[])) ORDER BY 1)";
            case KEEP_TRUE -> "(coalesce(" + stored + ", false) OR coalesce(" + incoming + ", false))";
            case KEEP_WHEN_EMPTY -> "CASE WHEN coalesce(" + incoming + ", '') = '' THEN " + stored + " ELSE " + incoming + " END";
        };
    }
}
