package ca.ptm.nocturne.gazelle.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The columns the synced tables really have in the connected database, read at the start of each sync. A column
 * Nocturne needs that production lacks fails the run at once, named; the previous sync instead sent it and had
 * whole batches refused for weeks.
 */
@Component
public class LiveColumns {

    private final JdbcTemplate jdbc;

    public LiveColumns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Map<GazelleEntity, Set<String>> read() {
        Map<String, Set<String>> byTable = new HashMap<>();
        jdbc.query("""
                SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name LIKE 'gazelle\\_%'""",
                rs -> {
                    byTable.computeIfAbsent(rs.getString(1), t -> new HashSet<>()).add(rs.getString(2));
                });
        Map<GazelleEntity, Set<String>> live = new HashMap<>();
        for (GazelleEntity entity : GazelleEntity.values()) {
            live.put(entity, byTable.getOrDefault(entity.table(), Set.of()));
        }
        return live;
    }

    /** Missing tables and required columns as "table.column", empty when the schema is fit. */
    public List<String> missing() {
        Map<GazelleEntity, Set<String>> live = read();
        List<String> missing = new ArrayList<>();
        for (SyncTable table : SyncTables.all()) {
            Set<String> columns = live.get(table.entity());
            if (columns.isEmpty()) {
                missing.add(table.table() + " (table absente)");
                continue;
            }
            for (String column : union(SyncTable.BOOKKEEPING, table.required())) {
                if (!columns.contains(column)) {
                    missing.add(table.table() + "." + column);
                }
            }
        }
        missing.sort(String::compareTo);
        return missing;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
