package ca.ptm.nocturne.shared.batch;

import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Gives a completed job the exit status COMPLETED_WITH_WARNINGS when a stage reported warnings. Steps keep their
 * plain COMPLETED exit code so the flow's transitions are untouched.
 */
@Component
public class WarningsJobListener implements JobExecutionListener {

    private final List<RunWarnings> sources;

    public WarningsJobListener(List<RunWarnings> sources) {
        this.sources = sources;
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            return;
        }
        List<String> warnings = sources.stream().flatMap(s -> s.warnings(execution).stream()).toList();
        if (!warnings.isEmpty()) {
            execution.setExitStatus(new ExitStatus(RunWarnings.COMPLETED_WITH_WARNINGS, String.join("\n", warnings)));
        }
    }
}
