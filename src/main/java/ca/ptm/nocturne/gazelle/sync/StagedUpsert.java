package ca.ptm.nocturne.gazelle.sync;

import ca.ptm.nocturne.shared.Sha256;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * One set-based upsert of a batch of records that carry the same columns: the rows are streamed with COPY into a
 * temporary staging table (emptied at commit), then one INSERT … ON CONFLICT moves them into the table. A row equal
 * to the stored one, once the protection policies are applied, is not rewritten: a night with no change in Gazelle
 * writes nothing. When fewer rows were written than sent, the others must now equal what was sent, so "neither
 * written nor unchanged" (row-level security, a trigger, a missing grant swallowing the write) is an error, never a
 * success; a first load, where every row is written, pays for no such check.
 */
final class StagedUpsert {

    private static final int FLUSH_CHARS = 1 << 16;
    /** Conflicting chunks in a row after which a table is no longer taken as new (see {@link #writeDirect}). */
    private static final int DIRECT_CONFLICTS = 4;

    private final String table;
    private final List<String> columns;
    private final boolean sightings;
    private final String createStage;
    private final String copy;
    private final String upsert;
    private final String inPlace;
    private final String unwritten;
    /** COPY straight into the table (a first import: see {@link #writeDirect}); null when not tried for this table. */
    private final String directCopy;
    private final boolean touchUpdatedAt;
    private boolean direct;
    private int conflictsInARow;

    /**
     * @param touchUpdatedAt the table has the dashboard's updated_at ("time of the last sync that changed the row")
     * @param sightings      also record in sync_appointment_sighting that this run saw each record (what Gazelle no
     *                       longer returns is detected from it, changed or not)
     */
    StagedUpsert(SyncTable syncTable, List<String> columns, boolean touchUpdatedAt, boolean sightings) {
        this(syncTable, columns, touchUpdatedAt, sightings, false);
    }

    /**
     * @param direct the table held no row when the step began (and row-level security does not apply to this role):
     *               chunks are first tried with a COPY straight into the table, see {@link #writeDirect}
     */
    StagedUpsert(SyncTable syncTable, List<String> columns, boolean touchUpdatedAt, boolean sightings, boolean direct) {
        this.table = syncTable.table();
        this.touchUpdatedAt = touchUpdatedAt;
        this.direct = direct && !sightings;
        this.columns = List.copyOf(columns);
        this.sightings = sightings;
        String stage = "nocturne_stage_" + table + "_" + Sha256.hex(String.join(",", columns)).substring(0, 8);
        String stageColumns = prefixed("", columns);
        // Emptied at commit, and at each write: a transaction may stage twice (a chunk written in parts when the
        // database refused one of its records), and a part must not see the rows of the one before.
        this.createStage = "CREATE TEMP TABLE IF NOT EXISTS " + stage + " ON COMMIT DELETE ROWS AS SELECT 0::integer AS stage_ord, "
                + "external_id" + stageColumns + " FROM " + table + " WITH NO DATA; DELETE FROM " + stage;
        this.copy = "COPY " + stage + " (stage_ord, external_id" + stageColumns + ") FROM STDIN";
        this.directCopy = "COPY " + table + " (external_id" + stageColumns + ", synced_at, last_seen_job_execution_id"
                + (touchUpdatedAt ? ", updated_at" : "") + ") FROM STDIN";

        String incoming = "SELECT DISTINCT ON (external_id) * FROM " + stage + " ORDER BY external_id, stage_ord DESC";
        String changedFromStaged = changed(syncTable, "s");
        String changedFromExcluded = changed(syncTable, "EXCLUDED");
        StringBuilder insertColumns = new StringBuilder("external_id").append(stageColumns)
                .append(", synced_at, last_seen_job_execution_id");
        StringBuilder selected = new StringBuilder("external_id").append(stageColumns).append(", now(), ?::bigint");
        StringJoiner set = new StringJoiner(", ");
        for (String column : columns) {
            set.add(column + " = " + syncTable.policy(column).expression("t." + column, "EXCLUDED." + column));
        }
        set.add("synced_at = EXCLUDED.synced_at").add("last_seen_job_execution_id = EXCLUDED.last_seen_job_execution_id");
        if (touchUpdatedAt) {
            insertColumns.append(", updated_at");
            selected.append(", now()");
            set.add("updated_at = EXCLUDED.updated_at");
        }
        this.upsert = "WITH incoming AS (" + incoming + "), "
                + (sightings ? "seen AS (INSERT INTO sync_appointment_sighting (job_execution_id, external_id) "
                        + "SELECT ?::bigint, external_id FROM incoming ON CONFLICT DO NOTHING), " : "")
                + "written AS (INSERT INTO " + table + " AS t (" + insertColumns + ") SELECT " + selected
                + " FROM incoming ORDER BY external_id ON CONFLICT (external_id) DO UPDATE SET " + set
                + " WHERE " + changedFromExcluded + " RETURNING 1) "
                + "SELECT (SELECT count(*) FROM incoming), (SELECT count(*) FROM written)";
        this.inPlace = "SELECT count(*) FROM (" + incoming + ") s JOIN " + table + " t ON t.external_id = s.external_id "
                + "WHERE NOT (" + changedFromStaged + ")";
        this.unwritten = "SELECT s.external_id FROM (" + incoming + ") s LEFT JOIN " + table + " t ON t.external_id = s.external_id "
                + "WHERE t.external_id IS NULL OR " + changedFromStaged + " ORDER BY 1 LIMIT 5";
    }

    /** Stages and upserts the records; returns how many were written and how many distinct ones were unchanged. */
    UpsertCounts write(Connection connection, List<SyncRecord> records, long jobExecutionId) throws SQLException {
        if (direct) {
            UpsertCounts counts = writeDirect(connection, records, jobExecutionId);
            if (counts != null) {
                return counts;
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(createStage);
        }
        stage(connection, records);
        long incoming;
        long written;
        try (PreparedStatement statement = connection.prepareStatement(upsert)) {
            int index = 1;
            if (sightings) {
                statement.setLong(index++, jobExecutionId);
            }
            statement.setLong(index, jobExecutionId);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                incoming = result.getLong(1);
                written = result.getLong(2);
            }
        }
        if (written < incoming) {
            // Rows left alone must now equal what was sent: anything else was swallowed. (A row another transaction,
            // a parallel slice fetching the same parent, committed meanwhile is in place and equal: this fresh look sees it.)
            long equal = count(connection, inPlace);
            if (equal != incoming) {
                throw new IllegalStateException("L'écriture dans " + table + " n'a pas pris effet pour " + (incoming - equal)
                        + " enregistrement(s), dont " + String.join(", ", unwritten(connection))
                        + " (sécurité au niveau des lignes, déclencheur ou droits du rôle ?)");
            }
        }
        long unchanged = incoming - written;
        return new UpsertCounts(records.size() - unchanged, unchanged);
    }

    /**
     * A first import into an empty table: the rows are copied straight into the table, under a savepoint, with no
     * staging table and no ON CONFLICT. The table's unique index on external_id is the proof that none of them was
     * there: when it succeeds every row was new, which is exactly what the upsert would have written (an insert applies
     * no protection policy) with the same counts. When any row is refused (a key already there, repeated within the
     * chunk or by a concurrent transaction, or a value out of range), the savepoint is rolled back and the chunk takes
     * the staged upsert, which merges or reports as before. After a few conflicting chunks in a row the table is taken
     * as no longer new and the direct try stops for the step.
     *
     * @return the counts, or null when the chunk must take the staged upsert
     */
    private UpsertCounts writeDirect(Connection connection, List<SyncRecord> records, long jobExecutionId) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            String now;   // the transaction's now(), as the upsert would write it, in the session's own text form
            try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("SELECT now()")) {
                result.next();
                now = result.getString(1);
            }
            String tail = "\t" + now + "\t" + jobExecutionId + (touchUpdatedAt ? "\t" + now : "") + "\n";
            CopyIn copyIn = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(directCopy);
            try {
                StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 4096);
                for (SyncRecord record : records) {
                    CopyText.appendValue(buffer, record.externalId());
                    for (String column : columns) {
                        buffer.append('\t');
                        CopyText.appendValue(buffer, record.columns().get(column));
                    }
                    buffer.append(tail);
                    if (buffer.length() >= FLUSH_CHARS) {
                        flush(copyIn, buffer);
                    }
                }
                flush(copyIn, buffer);
                long copied = copyIn.endCopy();
                if (copied != records.size()) {
                    // a trigger swallowing rows: never a success, as for the staged upsert
                    throw new IllegalStateException("L'écriture dans " + table + " n'a pas pris effet pour "
                            + (records.size() - copied) + " enregistrement(s) (déclencheur ?)");
                }
            } finally {
                if (copyIn.isActive()) {
                    copyIn.cancelCopy();
                }
            }
            connection.releaseSavepoint(savepoint);
            conflictsInARow = 0;
            return new UpsertCounts(records.size(), 0);
        } catch (SQLException e) {
            String state = String.valueOf(e.getSQLState());
            boolean refused = state.startsWith("22") || state.startsWith("23");
            // 0A000: COPY FROM into a table whose row-level security applies to this role is not supported.
            boolean unsupported = state.equals("0A000");
            if (!refused && !unsupported) {
                throw e;
            }
            connection.rollback(savepoint);
            if (unsupported || ++conflictsInARow >= DIRECT_CONFLICTS) {
                direct = false;
            }
            return null;
        }
    }

    private void stage(Connection connection, List<SyncRecord> records) throws SQLException {
        CopyIn copyIn = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy);
        try {
            StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 4096);
            int ord = 0;
            for (SyncRecord record : records) {
                buffer.append(ord++).append('\t');
                CopyText.appendValue(buffer, record.externalId());
                for (String column : columns) {
                    buffer.append('\t');
                    CopyText.appendValue(buffer, record.columns().get(column));
                }
                buffer.append('\n');
                if (buffer.length() >= FLUSH_CHARS) {
                    flush(copyIn, buffer);
                }
            }
            flush(copyIn, buffer);
            copyIn.endCopy();
        } finally {
            if (copyIn.isActive()) {
                copyIn.cancelCopy();
            }
        }
    }

    private static void flush(CopyIn copyIn, StringBuilder buffer) throws SQLException {
        if (buffer.isEmpty()) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copyIn.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private List<String> unwritten(Connection connection) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(unwritten)) {
            while (result.next()) {
                ids.add(result.getString(1));
            }
        }
        return ids;
    }

    /** True when the stored row t differs from what the write would leave; "false" when there is nothing to compare. */
    private String changed(SyncTable syncTable, String incomingAlias) {
        if (columns.isEmpty()) {
            return "false";
        }
        StringJoiner stored = new StringJoiner(", ", "ROW(", ")");
        StringJoiner after = new StringJoiner(", ", "ROW(", ")");
        for (String column : columns) {
            stored.add("t." + column);
            after.add(syncTable.policy(column).expression("t." + column, incomingAlias + "." + column));
        }
        return stored + " IS DISTINCT FROM " + after;
    }

    private static String prefixed(String prefix, List<String> columns) {
        StringBuilder list = new StringBuilder();
        columns.forEach(c -> list.append(", ").append(prefix).append(c));
        return list.toString();
    }

    /**
     * @param written   records whose row was inserted or changed (a record repeated in the batch counts each time)
     * @param unchanged distinct records equal to the stored row, left as they were
     */
    record UpsertCounts(long written, long unchanged) {
        static final UpsertCounts NONE = new UpsertCounts(0, 0);

        UpsertCounts plus(UpsertCounts other) {
            return new UpsertCounts(written + other.written, unchanged + other.unchanged);
        }
    }
}
