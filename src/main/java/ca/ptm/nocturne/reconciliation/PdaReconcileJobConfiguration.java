package ca.ptm.nocturne.reconciliation;

import ca.ptm.nocturne.mail.FailureAlertListener;
import ca.ptm.nocturne.operations.StepMetricsListener;
import ca.ptm.nocturne.shared.batch.WarningsJobListener;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code run pda-reconcile}: the Place des Arts reconciliation alone, on the data already synced. */
@Configuration(proxyBeanMethods = false)
public class PdaReconcileJobConfiguration {

    public static final String JOB_NAME = "pda-reconcile";

    @Bean
    Job pdaReconcileJob(JobRepository jobRepository, Flow pdaReconcileFlow, WarningsJobListener warnings,
                        FailureAlertListener failureAlert, StepMetricsListener metrics) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(pdaReconcileFlow)
                .end()
                .listener(warnings)
                .listener(failureAlert)
                .listener(metrics)
                .build();
    }
}
