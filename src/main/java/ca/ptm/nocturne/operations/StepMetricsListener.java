package ca.ptm.nocturne.operations;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Counts, per job and step, the items read, written and skipped and the step durations, as Micrometer meters
 * ({@code nocturne.step.items}, {@code nocturne.step.duration}) next to Spring Batch's own observations
 * ({@code spring.batch.job}, {@code spring.batch.step}).
 */
@Component
public class StepMetricsListener implements JobExecutionListener {

    private final MeterRegistry registry;

    public StepMetricsListener(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void afterJob(JobExecution execution) {
        String job = execution.getJobInstance().getJobName();
        for (StepExecution step : execution.getStepExecutions()) {
            count(job, step, "read", step.getReadCount());
            count(job, step, "written", step.getWriteCount());
            count(job, step, "skipped", step.getSkipCount());
            if (step.getStartTime() != null && step.getEndTime() != null) {
                registry.timer("nocturne.step.duration", "job", job, "step", step.getStepName(), "status", step.getStatus().name())
                        .record(java.time.Duration.between(step.getStartTime(), step.getEndTime()));
            }
        }
    }

    private void count(String job, StepExecution step, String kind, long amount) {
        registry.counter("nocturne.step.items", "job", job, "step", step.getStepName(), "kind", kind).increment(amount);
    }
}
