package ca.ptm.nocturne.validation;

import ca.ptm.nocturne.shared.batch.RunWarnings;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** WARN verdicts of the night's count checks (every execution of its instance) travel to the summary and to the email. */
@Component
public class CountCheckWarnings implements RunWarnings {

    private final JdbcTemplate jdbc;

    public CountCheckWarnings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> warnings(JobExecution execution) {
        // Every execution of the night: after a restart, the checks of the stages the first execution completed are its own.
        return jdbc.queryForList("SELECT 'Contrôle des comptes, ' || entity || ' : ' || message FROM sync_count_check "
                + "WHERE job_execution_id IN (SELECT job_execution_id FROM batch.batch_job_execution WHERE job_instance_id = ?) "
                + "AND status = 'WARN' ORDER BY stage, entity", String.class, execution.getJobInstance().getInstanceId());
    }
}
