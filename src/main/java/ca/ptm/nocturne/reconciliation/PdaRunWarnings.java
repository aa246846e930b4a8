package ca.ptm.nocturne.reconciliation;

import ca.ptm.nocturne.shared.batch.RunWarnings;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The Place des Arts anomalies of a run as summary lines, one per kind with its count and first example. A restarted
 * run counts the anomalies of the executions of its instance: the steps that completed before the failure keep
 * theirs under the earlier execution.
 */
@Component
public class PdaRunWarnings implements RunWarnings {

    private final AnomalyLog anomalies;
    private final JdbcTemplate jdbc;

    public PdaRunWarnings(AnomalyLog anomalies, JdbcTemplate jdbc) {
        this.anomalies = anomalies;
        this.jdbc = jdbc;
    }

    @Override
    public List<String> warnings(JobExecution execution) {
        List<Long> executions = jdbc.queryForList("SELECT job_execution_id FROM batch.batch_job_execution WHERE job_instance_id = ?",
                Long.class, execution.getJobInstance().getInstanceId());
        return anomalies.summary(executions).stream().map(AnomalyLog.KindSummary::line).toList();
    }
}
