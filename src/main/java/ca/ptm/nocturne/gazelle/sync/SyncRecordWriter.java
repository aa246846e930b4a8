package ca.ptm.nocturne.gazelle.sync;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Upserts Gazelle records keyed on external_id, writing only the columns a record carries and the table really
 * has, with the protection policy of each protected column, in JDBC batches. Every statement must touch exactly
 * one row: zero means row-level security or a trigger swallowed the write, and that is an error, not a success.
 */
public class SyncRecordWriter {

    private final JdbcTemplate jdbc;
    private final Map<GazelleEntity, Set<String>> liveColumns;
    private final long jobExecutionId;
    private final Map<String, String> statements = new LinkedHashMap<>();

    public SyncRecordWriter(JdbcTemplate jdbc, Map<GazelleEntity, Set<String>> liveColumns, long jobExecutionId) {
        this.jdbc = jdbc;
        this.liveColumns = liveColumns;
        this.jobExecutionId = jobExecutionId;
    }

    /** Writes the records and their children (parents first); returns how many parent records were written. */
    public int write(List<SyncRecord> records) {
        if (records.isEmpty()) {
            return 0;
        }
        upsertAll(records);
        Map<GazelleEntity, List<SyncRecord>> children = records.stream().flatMap(r -> r.children().stream())
                .collect(Collectors.groupingBy(SyncRecord::entity, LinkedHashMap::new, Collectors.toList()));
        children.values().forEach(this::upsertAll);
        return records.size();
    }

    private void upsertAll(List<SyncRecord> records) {
        Map<List<String>, List<SyncRecord>> byColumns = new LinkedHashMap<>();
        for (SyncRecord record : records) {
            byColumns.computeIfAbsent(writableColumns(record), c -> new ArrayList<>()).add(record);
        }
        byColumns.forEach((columns, group) -> batch(group.get(0).entity(), columns, group));
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

    private void batch(GazelleEntity entity, List<String> columns, List<SyncRecord> records) {
        String sql = statements.computeIfAbsent(entity + ":" + columns, k -> upsertSql(SyncTables.of(entity), columns));
        int[][] counts = jdbc.batchUpdate(sql, records, records.size(), (statement, record) -> bind(statement, columns, record));
        for (int[] chunk : counts) {
            for (int i = 0; i < chunk.length; i++) {
                if (chunk[i] == 0) {
                    throw new IllegalStateException("L'écriture de " + records.get(i).externalId() + " dans " + entity.table()
                            + " n'a touché aucune ligne (sécurité au niveau des lignes ou droits du rôle ?)");
                }
            }
        }
    }

    private String upsertSql(SyncTable table, List<String> columns) {
        String name = table.table();
        boolean updatedAt = table.hasUpdatedAt() && liveColumns.get(table.entity()).contains("updated_at");
        StringBuilder insert = new StringBuilder("INSERT INTO ").append(name).append(" AS ").append(name).append(" (external_id");
        StringBuilder values = new StringBuilder(") VALUES (?");
        StringBuilder update = new StringBuilder(" ON CONFLICT (external_id) DO UPDATE SET ");
        for (String column : columns) {
            insert.append(", ").append(column);
            values.append(", ").append(cast(column));
            update.append(column).append(" = ").append(table.policy(column).updateExpression(name, column)).append(", ");
        }
        insert.append(", synced_at, last_seen_job_execution_id");
        values.append(", now(), ?");
        update.append("synced_at = now(), last_seen_job_execution_id = EXCLUDED.last_seen_job_execution_id");
        if (updatedAt) {
            insert.append(", updated_at");
            values.append(", now()");
            update.append(", updated_at = now()");
        }
        return insert.append(values).append(")").append(update).toString();
    }

    private static String cast(String column) {
        return column.equals("metadata") ? "?::jsonb" : "?";
    }

    private void bind(PreparedStatement statement, List<String> columns, SyncRecord record) throws SQLException {
        int index = 1;
        statement.setString(index++, record.externalId());
        for (String column : columns) {
            bindValue(statement, index++, record.columns().get(column));
        }
        statement.setLong(index, jobExecutionId);
    }

    private static void bindValue(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof Instant instant) {
            statement.setTimestamp(index, Timestamp.from(instant));
        } else if (value instanceof LocalDate date) {
            statement.setObject(index, date);
        } else if (value instanceof LocalTime time) {
            statement.setObject(index, time);
        } else if (value instanceof BigDecimal decimal) {
            statement.setBigDecimal(index, decimal);
        } else if (value instanceof List<?> list) {
            Connection connection = statement.getConnection();
            statement.setArray(index, connection.createArrayOf("text", list.toArray()));
        } else if (value instanceof SyncRecord.JsonText json) {
            statement.setString(index, json.json());
        } else {
            statement.setObject(index, value);
        }
    }
}
