package ca.ptm.nocturne.validation;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** sync_count_check: the stored verdicts, and the figures of the previous good run the rules compare with. */
@Repository
public class CountCheckRepository {

    private final JdbcTemplate jdbc;

    public CountCheckRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void save(long jobExecutionId, Long jobInstanceId, CountCheck check) {
        jdbc.update("""
                INSERT INTO sync_count_check (job_execution_id, job_instance_id, stage, entity, source, window_start, window_end,
                    source_count, written_count, unchanged_count, rejected_count, duplicate_count, target_count, previous_count,
                    suspicious_cap, status, rules, message)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                jobExecutionId, jobInstanceId, check.stage(), check.entity(), check.source(),
                check.windowStart() == null ? null : Timestamp.from(check.windowStart()),
                check.windowEnd() == null ? null : Timestamp.from(check.windowEnd()), check.sourceCount(), check.written(),
                check.unchanged(), check.rejected(), check.duplicates(), check.target(), check.previousCount(), check.suspiciousCap(),
                check.status().name(), check.rules().toArray(String[]::new), check.message().isEmpty() ? null : check.message());
    }

    /**
     * The figure the same check recorded in the latest earlier run that did not fail it: the source count for an
     * entity, the table size for a table.
     */
    public Long previous(String stage, String entity, long currentJobInstanceId, String column) {
        List<Long> values = jdbc.queryForList("SELECT " + column + " FROM sync_count_check WHERE stage = ? AND entity = ? "
                + "AND status <> 'FAIL' AND coalesce(job_instance_id, -1) <> ? ORDER BY checked_at DESC, id DESC LIMIT 1",
                Long.class, stage, entity, currentJobInstanceId);
        return values.isEmpty() ? null : values.get(0);
    }

    /** The latest check of each file, entity and table of one execution (a re-check replaces the earlier verdict). */
    public List<Map<String, Object>> ofExecution(long jobExecutionId) {
        return jdbc.queryForList("""
                SELECT * FROM (
                    SELECT DISTINCT ON (stage, entity) stage, entity, source, source_count, written_count, unchanged_count, rejected_count,
                           duplicate_count, target_count, previous_count, status, array_to_string(rules, ', ') AS rules, message
                    FROM sync_count_check WHERE job_execution_id = ? ORDER BY stage, entity, checked_at DESC, id DESC) latest
                ORDER BY CASE status WHEN 'FAIL' THEN 0 WHEN 'WARN' THEN 1 ELSE 2 END, stage, entity""", jobExecutionId);
    }
}
