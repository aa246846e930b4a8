package ca.ptm.nocturne.support;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * Finds a step of an execution. Kept out of the test classes: @SpringBatchTest takes any test method returning a
 * StepExecution for a step-scope factory.
 */
public final class Steps {

    private Steps() {
    }

    public static StepExecution named(JobExecution execution, String name) {
        return execution.getStepExecutions().stream().filter(s -> s.getStepName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("No step " + name + " in execution " + execution.getId()));
    }
}
