package ca.ptm.nocturne.reconciliation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The anomalies of each run, in pda_anomaly: written by the steps in their own transaction (a failed step leaves
 * none behind), summarised per kind for the run's warnings.
 */
@Component
public class AnomalyLog {

    /** One line of the summary: a kind, how many, and the first one's message as an example. */
    public record KindSummary(AnomalyKind kind, int count, String example) {

        public String line() {
            return "Place des Arts : " + count + " " + kind.subject() + " (ex. : " + example + ")";
        }
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    public AnomalyLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(ReconcileRun run, Anomaly anomaly) {
        jdbc.update("""
                INSERT INTO pda_anomaly (job_execution_id, job_instance_id, run_date, kind, pda_request_id,
                                         appointment_external_id, message, details)
                VALUES (?, (SELECT job_instance_id FROM batch.batch_job_execution WHERE job_execution_id = ?), ?, ?, ?, ?, ?, ?::jsonb)""",
                run.jobExecutionId(), run.jobExecutionId(), run.runDate(), anomaly.kind().name(), anomaly.requestId(),
                anomaly.appointmentExternalId(), anomaly.message(), json.writeValueAsString(anomaly.details()));
    }

    public void recordAll(ReconcileRun run, Collection<Anomaly> anomalies) {
        anomalies.forEach(a -> record(run, a));
    }

    /** Per kind, in the order of {@link AnomalyKind}: the count and the first message, over these executions. */
    public List<KindSummary> summary(Collection<Long> jobExecutionIds) {
        if (jobExecutionIds.isEmpty()) {
            return List.of();
        }
        Map<AnomalyKind, KindSummary> byKind = new TreeMap<>();
        new NamedParameterJdbcTemplate(jdbc).query("""
                SELECT kind, count(*) OVER (PARTITION BY kind) AS n, message,
                       row_number() OVER (PARTITION BY kind ORDER BY id) AS rank
                FROM pda_anomaly WHERE job_execution_id IN (:ids)""",
                new MapSqlParameterSource("ids", jobExecutionIds), rs -> {
                    if (rs.getInt("rank") == 1) {
                        AnomalyKind kind = AnomalyKind.valueOf(rs.getString("kind"));
                        byKind.put(kind, new KindSummary(kind, rs.getInt("n"), rs.getString("message")));
                    }
                });
        return new ArrayList<>(byKind.values());
    }
}
