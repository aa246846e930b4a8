package ca.ptm.nocturne.validation;

import ca.ptm.nocturne.shared.batch.RunWarnings;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** WARN verdicts of the run's count checks travel to the summary and to the email. */
@Component
public class CountCheckWarnings implements RunWarnings {

    private final JdbcTemplate jdbc;

    public CountCheckWarnings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> warnings(JobExecution execution) {
        return jdbc.queryForList("SELECT 'Contrôle des comptes, ' || entity || ' : ' || message FROM sync_count_check "
                + "WHERE job_execution_id = ? AND status = 'WARN' ORDER BY stage, entity", String.class, execution.getId());
    }
}
