package ca.ptm.nocturne.gazelle.sync;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The accounting of one entity step, kept in its execution context (committed with each chunk, so a restart
 * continues the same totals): records read from the source = written + unchanged + skipped (with a reason) + noise.
 */
public final class SyncCounts {

    /** Records the reader took from the source (the API's nodes, the export's rows), kept by the reader itself. */
    public static final String SOURCE_READ = "sync.sourceRead";
    public static final String WRITTEN = "sync.written";
    /** Records equal to the row already stored: left as they were (a night without changes writes nothing). */
    public static final String UNCHANGED = "sync.unchanged";
    public static final String SKIPPED = "sync.skipped";
    public static final String NOISE = "sync.noise";
    public static final String WARNINGS = "sync.warnings";
    public static final String PARENTS_FETCHED = "sync.parentsFetched";
    public static final String SUPERSEDED = "sync.supersededCsvRows";

    private SyncCounts() {
    }

    static void add(ExecutionContext context, String key, long amount) {
        if (amount != 0) {
            context.putLong(key, context.getLong(key, 0L) + amount);
        }
    }
}
