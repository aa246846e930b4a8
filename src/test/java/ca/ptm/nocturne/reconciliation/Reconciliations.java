package ca.ptm.nocturne.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.shared.batch.WarningsJobListener;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Runs the reconciliation flow as a small job of its own. Kept out of the test classes: @SpringBatchTest takes any test
 * method returning a JobExecution for a job-scope factory.
 */
record Reconciliations(JobRepository jobRepository, JobOperator jobOperator, Flow flow, WarningsJobListener warnings) {

    JobExecution run(LocalDate date, Long lookbackDays) throws Exception {
        JobParametersBuilder parameters = new JobParametersBuilder().addLocalDate(ReconcileRun.DATE, date)
                .addString("test.run", UUID.randomUUID().toString());
        if (lookbackDays != null) {
            parameters.addLong(ReconcileRun.LOOKBACK_DAYS, lookbackDays, false);
        }
        JobExecution execution = jobOperator.start(new JobBuilder("pda-reconcile-test", jobRepository).start(flow).end()
                .listener(warnings).build(), parameters.toJobParameters());
        assertThat(execution.getStatus()).as(String.valueOf(execution.getAllFailureExceptions())).isEqualTo(BatchStatus.COMPLETED);
        return execution;
    }
}
