package ca.ptm.nocturne.reconciliation;

import ca.ptm.nocturne.mail.FailureAlertListener;
import ca.ptm.nocturne.operations.OperationRefusedException;
import ca.ptm.nocturne.operations.StepMetricsListener;
import ca.ptm.nocturne.shared.batch.WarningsJobListener;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code run pda-completion [--date=…] [--lookback-days=45] [--source=api|files]}: the morning completion check alone, then the dashboard's
 * table brought in step. A failed run is resumed with {@code jobs restart}; a new run asks again and finds nothing
 * left to change for the requests already completed.
 */
@Configuration(proxyBeanMethods = false)
public class PdaCompletionJobConfiguration {

    public static final String JOB_NAME = "pda-completion";

    @Bean
    Job pdaCompletionJob(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                         @Qualifier("pdaCompletionStep") Step pdaCompletionStep, DashboardTable dashboard, WarningsJobListener warnings,
                         FailureAlertListener failureAlert, StepMetricsListener metrics) {
        Step dashboardStep = new StepBuilder("pda-dashboard", jobRepository).tasklet((contribution, context) -> {
            contribution.incrementWriteCount(dashboard.refresh());
            return org.springframework.batch.infrastructure.repeat.RepeatStatus.FINISHED;
        }, transactionManager).build();
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(pdaCompletionStep)
                .next(dashboardStep)
                .listener(warnings)
                .listener(failureAlert)
                .listener(metrics)
                .build();
    }

    /** Starts the job, refusing while an earlier one is still running. */
    @Component
    public static class Launcher {

        private final JobOperator jobOperator;
        private final JobRepository jobRepository;
        private final Job job;

        public Launcher(JobOperator jobOperator, JobRepository jobRepository, @Qualifier("pdaCompletionJob") Job job) {
            this.jobOperator = jobOperator;
            this.jobRepository = jobRepository;
            this.job = job;
        }

        public JobExecution run(LocalDate date, Integer lookbackDays) throws Exception {
            return run(date, lookbackDays, null);
        }

        /** @param source {@code api} or {@code files}; null for the default (the API when it is configured) */
        public JobExecution run(LocalDate date, Integer lookbackDays, String source) throws Exception {
            JobInstance last = jobRepository.getLastJobInstance(JOB_NAME);
            if (last != null) {
                JobExecution execution = jobRepository.getLastJobExecution(last);
                if (execution != null && execution.getStatus().isRunning()) {
                    throw new OperationRefusedException("La vérification des complétions précédente (exécution " + execution.getId()
                            + ") est encore en cours : attendez sa fin, ou « jobs recover " + execution.getId() + " » si son processus est mort.");
                }
            }
            JobParametersBuilder parameters = new JobParametersBuilder()
                    .addString("requested.at", Instant.now().toString(), true)
                    .addLocalDate(ReconcileRun.DATE, date, false);
            if (lookbackDays != null) {
                parameters.addLong(ReconcileRun.LOOKBACK_DAYS, lookbackDays.longValue(), false);
            }
            if (source != null) {
                parameters.addString("source", source, false);
            }
            return jobOperator.start(job, parameters.toJobParameters());
        }

    }
}
