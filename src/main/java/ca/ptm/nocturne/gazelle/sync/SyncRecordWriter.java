package ca.ptm.nocturne.gazelle.sync;

import ca.ptm.nocturne.gazelle.sync.StagedUpsert.UpsertCounts;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Upserts Gazelle records keyed on external_id, writing only the columns a record carries and the table really
 * has, with the protection policy of each protected column, one set-based statement per table and column set (see
 * {@link StagedUpsert}). Runs on the connection of the chunk's transaction.
 */
public class SyncRecordWriter {

    private final JdbcTemplate jdbc;
    private final Map<GazelleEntity, Set<String>> liveColumns;
    private final long jobExecutionId;
    private final Map<String, StagedUpsert> statements = new LinkedHashMap<>();

    public SyncRecordWriter(JdbcTemplate jdbc, Map<GazelleEntity, Set<String>> liveColumns, long jobExecutionId) {
        this.jdbc = jdbc;
        this.liveColumns = liveColumns;
        this.jobExecutionId = jobExecutionId;
    }

    /**
     * Writes the records, then their children (a client's contact, an appointment's pianos, an invoice's items).
     *
     * @return how many of the records (not their children) were written and how many were found unchanged
     */
    public UpsertCounts write(List<SyncRecord> records) {
        if (records.isEmpty()) {
            return UpsertCounts.NONE;
        }
        UpsertCounts counts = upsertAll(records);
        Map<GazelleEntity, List<SyncRecord>> children = records.stream().flatMap(r -> r.children().stream())
                .collect(Collectors.groupingBy(SyncRecord::entity, LinkedHashMap::new, Collectors.toList()));
        children.values().forEach(this::upsertAll);
        return counts;
    }

    /**
     * Writes the records like {@link #write}, but a record the database refuses (a value out of range, a constraint)
     * does not sink the others: the batch is written under a savepoint, and when the database refuses a value the batch
     * is halved and each half tried again, down to the single records it refuses. Any other failure (a lost connection,
     * a missing grant, a write swallowed by row-level security) is not the record's fault and fails the chunk as before.
     */
    public Outcome writeEach(List<SyncRecord> records) {
        if (records.isEmpty()) {
            return new Outcome(UpsertCounts.NONE, List.of());
        }
        return jdbc.execute((ConnectionCallback<Outcome>) connection -> attempt(connection, records));
    }

    private Outcome attempt(Connection connection, List<SyncRecord> records) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            UpsertCounts counts = write(records);
            connection.releaseSavepoint(savepoint);
            return new Outcome(counts, List.of());
        } catch (DataAccessException e) {
            SQLException refusal = refusalOf(e);
            if (refusal == null) {
                throw e;
            }
            connection.rollback(savepoint);
            if (records.size() == 1) {
                return new Outcome(UpsertCounts.NONE, List.of(new Refusal(records.get(0), messageOf(refusal))));
            }
            int half = records.size() / 2;
            Outcome first = attempt(connection, records.subList(0, half));
            Outcome second = attempt(connection, records.subList(half, records.size()));
            List<Refusal> refused = new ArrayList<>(first.refused());
            refused.addAll(second.refused());
            return new Outcome(first.counts().plus(second.counts()), refused);
        }
    }

    /** The database's refusal of a value: SQLSTATE class 22 (data exception) or 23 (integrity constraint); else null. */
    private static SQLException refusalOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return sql;
            }
        }
        return null;
    }

    /** PostgreSQL's own message and detail, without the COPY context (which quotes the staged row). */
    private static String messageOf(SQLException refusal) {
        if (refusal instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            return server.getMessage() + (server.getDetail() == null ? "" : " (" + server.getDetail() + ")");
        }
        return String.valueOf(refusal.getMessage());
    }

    /**
     * @param counts  the records written or found unchanged
     * @param refused the records the database refused, each with its message; nothing of them was written
     */
    public record Outcome(UpsertCounts counts, List<Refusal> refused) {
    }

    public record Refusal(SyncRecord record, String message) {
    }

    private UpsertCounts upsertAll(List<SyncRecord> records) {
        Map<List<String>, List<SyncRecord>> byColumns = new LinkedHashMap<>();
        for (SyncRecord record : records) {
            byColumns.computeIfAbsent(writableColumns(record), c -> new ArrayList<>()).add(record);
        }
        UpsertCounts total = UpsertCounts.NONE;
        for (Map.Entry<List<String>, List<SyncRecord>> group : byColumns.entrySet()) {
            total = total.plus(upsert(group.getValue().get(0).entity(), group.getKey(), group.getValue()));
        }
        return total;
    }

    /**
     * The table holds no row this role could conflict with, and row-level security does not apply to this role (COPY
     * FROM is refused then): a first import, whose chunks can be copied straight into the table (see StagedUpsert).
     * Asked once per step and set of columns, when the first chunk is written.
     */
    private boolean isNewTable(String table) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT NOT row_security_active(?::regclass) AND NOT EXISTS (SELECT 1 FROM "
                + table + ")", Boolean.class, table));
    }

    private List<String> writableColumns(SyncRecord record) {
        SyncTable table = SyncTables.of(record.entity());
        Set<String> live = liveColumns.get(record.entity());
        List<String> columns = new ArrayList<>();
        for (String column : record.columns().keySet()) {
            if (!table.knows(column)) {
                throw new IllegalStateException("Column " + column + " of " + table.table() + " is not in the sync contract");
            }
            if (live.contains(column)) {
                columns.add(column);
            }
        }
        return columns;
    }

    private UpsertCounts upsert(GazelleEntity entity, List<String> columns, List<SyncRecord> records) {
        SyncTable table = SyncTables.of(entity);
        StagedUpsert statement = statements.computeIfAbsent(entity + ":" + columns, k -> new StagedUpsert(table, columns,
                table.hasUpdatedAt() && liveColumns.get(entity).contains("updated_at"), entity == GazelleEntity.APPOINTMENT,
                entity == GazelleEntity.TIMELINE_ENTRY && isNewTable(table.table())));
        return jdbc.execute((ConnectionCallback<UpsertCounts>) connection -> statement.write(connection, records, jobExecutionId));
    }
}
