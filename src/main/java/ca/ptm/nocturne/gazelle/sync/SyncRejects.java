package ca.ptm.nocturne.gazelle.sync;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The sync_reject table: records left out (SKIPPED) or written with a note (WARNING), per run. */
@Repository
public class SyncRejects {

    private static final int MAX_PAYLOAD = 2000;

    private final JdbcTemplate jdbc;

    public SyncRejects(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void skipped(long jobExecutionId, GazelleEntity entity, String source, SyncItem.Skip skip) {
        insert(jobExecutionId, "SKIPPED", entity, source, skip);
    }

    public void warning(long jobExecutionId, GazelleEntity entity, String source, SyncItem.Skip note) {
        insert(jobExecutionId, "WARNING", entity, source, note);
    }

    public List<String> summary(List<Long> jobExecutionIds) {
        if (jobExecutionIds.isEmpty()) {
            return List.of();
        }
        String ids = String.join(",", jobExecutionIds.stream().map(String::valueOf).toList());
        return jdbc.queryForList("SELECT lower(entity) || ' : ' || count(*) || ' ' || CASE kind WHEN 'SKIPPED' THEN 'enregistrement(s) écarté(s)' "
                + "ELSE 'avertissement(s)' END || ' (' || string_agg(DISTINCT reason_code, ', ') || ') — ' || min(message) "
                + "FROM sync_reject WHERE job_execution_id IN (" + ids + ") AND reason_code <> 'SUPERSEDED' GROUP BY entity, kind ORDER BY entity, kind", String.class);
    }

    private void insert(long jobExecutionId, String kind, GazelleEntity entity, String source, SyncItem.Skip skip) {
        String payload = skip.payload() == null || skip.payload().length() <= MAX_PAYLOAD ? skip.payload()
                : skip.payload().substring(0, MAX_PAYLOAD) + "…";
        jdbc.update("""
                INSERT INTO sync_reject (job_execution_id, kind, entity, external_id, source, line_number, reason_code, message, payload)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                jobExecutionId, kind, entity.name(), skip.externalId(), source, skip.line(), skip.code(), skip.message(), payload);
    }
}
