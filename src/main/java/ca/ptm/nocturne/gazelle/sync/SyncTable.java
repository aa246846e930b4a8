package ca.ptm.nocturne.gazelle.sync;

import java.util.Map;
import java.util.Set;

/**
 * What Nocturne writes into one table: the columns it needs (their absence fails the run at start-up), the
 * columns it writes only where production has them, and the protection policy of each protected column.
 */
public record SyncTable(GazelleEntity entity, Set<String> required, Set<String> optional,
                        Map<String, ColumnPolicy> policies, boolean hasUpdatedAt) {

    /** Columns every synced table must have for Nocturne's bookkeeping. */
    public static final Set<String> BOOKKEEPING = Set.of("external_id", "synced_at", "last_seen_job_execution_id");

    public String table() {
        return entity.table();
    }

    public ColumnPolicy policy(String column) {
        return policies.getOrDefault(column, ColumnPolicy.OVERWRITE);
    }

    public boolean knows(String column) {
        return required.contains(column) || optional.contains(column);
    }
}
