package ca.ptm.nocturne.gazelle;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * Checks a run completed, showing its failure otherwise. Kept out of the test classes: @SpringBatchTest takes any
 * test-class method returning a JobExecution (or StepExecution) for a scope factory.
 */
final class CompletedRuns {

    private CompletedRuns() {
    }

    static JobExecution completed(JobExecution execution) {
        assertThat(execution.getStatus()).as(() -> describe(execution)).isEqualTo(BatchStatus.COMPLETED);
        return execution;
    }

    /** The job's exit description and every step's status and exit description. */
    static String describe(JobExecution execution) {
        StringBuilder text = new StringBuilder(execution.getExitStatus().getExitDescription());
        execution.getStepExecutions().forEach(step -> text.append("\n").append(step.getStepName()).append(' ')
                .append(step.getStatus()).append(' ').append(step.getExitStatus().getExitDescription()));
        return text.toString();
    }
}
