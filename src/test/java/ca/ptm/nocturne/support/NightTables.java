package ca.ptm.nocturne.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every table of {@code public} as sorted lines of text, for comparing a night restarted after a crash (or run under
 * another role) with a clean one. Read from the catalog, so a table added later is compared without anyone listing it.
 * <ul>
 * <li>Left out: surrogate ids, the run's own timestamps (a {@code timestamptz} column defaulting to {@code now()},
 *     and {@code synced_at}, {@code started_at}, {@code finished_at}, {@code completed_at}, {@code updated_at}, which
 *     the files source sets to the time of the run), job execution and instance ids, the inbox path, password hashes
 *     (salted), when a console user resolved a reject, and stock_movement's content_key (a hash of the product's and
 *     technician's surrogate ids).</li>
 * <li>A foreign key to a surrogate id is replaced by the referenced row's own content (itself without ids): a history
 *     row attached to the wrong request does not match.</li>
 * <li>Every row counts, whichever execution of the night wrote it: the count checks of the stages the killed
 *     execution completed are its own, those of the rest the restart's; a reject, anomaly or count check logged twice
 *     shows as an extra line.</li>
 * <li>The outbox file name carries its creation time: only its kind is kept.</li>
 * </ul>
 */
public final class NightTables {

    static final Set<String> ALWAYS_DROPPED = Set.of("synced_at", "started_at", "finished_at", "completed_at",
            "updated_at", "job_execution_id", "job_instance_id", "last_seen_job_execution_id", "execution_id", "file_path",
            "password_hash", "content_key", "resolved_at");

    private NightTables() {
    }

    /** Table name → its rows as text, sorted. */
    public static Map<String, List<String>> of(JdbcTemplate jdbc) {
        Map<String, List<String>> tables = new TreeMap<>();
        for (String table : jdbc.queryForList("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> 'flyway_schema_history' ORDER BY 1",
                String.class)) {
            tables.put(table, jdbc.queryForList("SELECT " + rowExpression(jdbc, table, "t", true) + " AS r FROM " + table + " t"
                    + " ORDER BY 1", String.class));
        }
        return tables;
    }

    /** The lines present on one side only, per table: empty when the two are equal. */
    public static Map<String, String> differences(Map<String, List<String>> expected, Map<String, List<String>> actual) {
        Map<String, String> differences = new LinkedHashMap<>();
        for (String table : expected.keySet()) {
            List<String> missing = new ArrayList<>(expected.get(table));
            List<String> extra = new ArrayList<>(actual.getOrDefault(table, List.of()));
            for (String line : expected.get(table)) {
                extra.remove(line);
            }
            for (String line : actual.getOrDefault(table, List.of())) {
                missing.remove(line);
            }
            if (!missing.isEmpty() || !extra.isEmpty()) {
                differences.put(table, "missing " + abbreviate(missing) + ", unexpected " + abbreviate(extra));
            }
        }
        return differences;
    }

    private static String abbreviate(List<String> lines) {
        return lines.size() <= 3 ? lines.toString() : lines.subList(0, 3) + " … (" + lines.size() + " lines)";
    }

    /** A jsonb text of the row without its volatile columns, its foreign keys replaced by the rows they name. */
    private static String rowExpression(JdbcTemplate jdbc, String table, String alias, boolean resolveForeignKeys) {
        List<String> dropped = new ArrayList<>(jdbc.queryForList("""
                SELECT a.attname FROM pg_attribute a
                LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped
                  AND ((a.atttypid = 'timestamptz'::regtype AND pg_get_expr(d.adbin, d.adrelid) = 'now()')
                    OR (a.attname = 'id' AND pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval%')
                    OR a.attname = ANY (?))""", String.class, "public." + table,
                ALWAYS_DROPPED.toArray(String[]::new)));
        StringBuilder expression = new StringBuilder("(to_jsonb(" + alias + ")");
        List<Map<String, Object>> foreignKeys = jdbc.queryForList("""
                SELECT a.attname AS col, c.confrelid::regclass::text AS ref, ra.attname AS refcol
                FROM pg_constraint c
                JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
                JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = c.confkey[1]
                WHERE c.contype = 'f' AND c.conrelid = ?::regclass AND cardinality(c.conkey) = 1 AND ra.attname = 'id'
                ORDER BY 1""", "public." + table);
        for (Map<String, Object> fk : foreignKeys) {
            dropped.add((String) fk.get("col"));
        }
        if (!dropped.isEmpty()) {
            expression.append(" - ARRAY['").append(String.join("', '", dropped)).append("']");
        }
        if (resolveForeignKeys) {
            for (Map<String, Object> fk : foreignKeys) {
                String ref = (String) fk.get("ref");
                String col = (String) fk.get("col");
                String refAlias = alias + "_" + col;
                expression.append(" || jsonb_build_object('").append(col).append("', (SELECT ")
                        .append(rowExpression(jdbc, ref, refAlias, false)).append(" FROM ").append(ref).append(" ").append(refAlias)
                        .append(" WHERE ").append(refAlias).append(".id = ").append(alias).append(".").append(col).append("))");
            }
        }
        String text = expression.append(")::text").toString();
        return table.equals("mail_delivery") ? "regexp_replace(" + text + ", '\"eml_path\": \"[^\"]*-([a-z]+)\\.eml\"', "
                + "'\"eml_path\": \"\\1\"')" : text;
    }
}
