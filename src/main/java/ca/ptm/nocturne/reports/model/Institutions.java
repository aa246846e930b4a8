package ca.ptm.nocturne.reports.model;

/**
 * SQL shared by the institution reports: which Gazelle clients count as institutions (linked from the institution
 * table, or tagged {@code institutional} by hand in Gazelle) and the name to print for them.
 */
public final class Institutions {

    /** A CTE "inst" (client_id, institution_id, institution). */
    public static final String CTE = """
            inst AS (
                SELECT c.external_id AS client_id, i.id AS institution_id,
                       coalesce(i.name, nullif(trim(c.company_name), ''),
                                nullif(trim(concat_ws(' ', c.first_name, c.last_name)), ''), c.external_id) AS institution
                FROM gazelle_clients c
                LEFT JOIN institution i ON i.gazelle_client_external_id = c.external_id
                WHERE i.id IS NOT NULL
                   OR EXISTS (SELECT 1 FROM unnest(coalesce(c.tags, '{}'::text[])) t WHERE lower(trim(t)) = 'institutional')
            )""";

    private Institutions() {
    }
}
