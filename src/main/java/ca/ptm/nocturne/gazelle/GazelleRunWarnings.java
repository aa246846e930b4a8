package ca.ptm.nocturne.gazelle;

import ca.ptm.nocturne.gazelle.partition.TimelinePlan;
import ca.ptm.nocturne.gazelle.partition.TimelineSlicing;
import ca.ptm.nocturne.gazelle.sync.SyncRejects;
import ca.ptm.nocturne.shared.batch.RunWarnings;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records Gazelle gave that were left out with a reason, notes such as a mass disappearance, and a timeline read in
 * one slice because its partitions could not be proven complete, are warnings.
 */
@Component
public class GazelleRunWarnings implements RunWarnings {

    private final SyncRejects rejects;
    private final JdbcTemplate jdbc;

    public GazelleRunWarnings(SyncRejects rejects, JdbcTemplate jdbc) {
        this.rejects = rejects;
        this.jdbc = jdbc;
    }

    @Override
    public List<String> warnings(JobExecution execution) {
        List<Long> executions = jdbc.queryForList("SELECT job_execution_id FROM batch.batch_job_execution WHERE job_instance_id = ?",
                Long.class, execution.getJobInstance().getInstanceId());
        List<String> warnings = new java.util.ArrayList<>(rejects.summary(executions).stream().map(line -> "Gazelle, " + line).toList());
        execution.getStepExecutions().stream()
                .filter(step -> step.getStepName().equals(TimelineSlicing.MANAGER_STEP))
                .map(step -> step.getExecutionContext().getString(TimelinePlan.FALLBACK, ""))
                .filter(warning -> !warning.isEmpty())
                .findFirst().ifPresent(warnings::add);
        return warnings;
    }
}
