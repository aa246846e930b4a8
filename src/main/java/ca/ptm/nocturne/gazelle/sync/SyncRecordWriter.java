package ca.ptm.nocturne.gazelle.sync;

import ca.ptm.nocturne.gazelle.sync.StagedUpsert.UpsertCounts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
                table.hasUpdatedAt() && liveColumns.get(entity).contains("updated_at"), entity == GazelleEntity.APPOINTMENT));
        return jdbc.execute((ConnectionCallback<UpsertCounts>) connection -> statement.write(connection, records, jobExecutionId));
    }
}
