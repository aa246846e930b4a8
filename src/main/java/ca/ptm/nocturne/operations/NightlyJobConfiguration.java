package ca.ptm.nocturne.operations;

import ca.ptm.nocturne.mail.FailureAlertListener;
import ca.ptm.nocturne.shared.batch.WarningsJobListener;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The nightly pipeline, one job instance per Montreal run date (the identifying parameter {@code date}): a failed
 * night launched again with the same date is restarted, never re-run as a new instance. Stages: the legacy import
 * and its count checks, the Gazelle sync and its count checks, the Place des Arts reconciliation, the fleet overlay and
 * the maintenance alerts (with Nicolas's email when there are new ones), the French reports (PDF and CSV), the
 * morning email with the PDFs. A failed night alerts Allan.
 */
@Configuration(proxyBeanMethods = false)
public class NightlyJobConfiguration {

    public static final String JOB_NAME = "nightly";

    @Bean
    Job nightlyJob(JobRepository jobRepository, Flow importFlow, Flow gazelleSyncFlow, Flow pdaReconcileFlow,
                   Flow maintenanceFlow, Step sendMaintenanceAlerts, Step generateReports,
                   Step sendMorningEmail,
                   WarningsJobListener warnings, FailureAlertListener failureAlert,
                   StepMetricsListener metrics) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(importFlow)
                .next(gazelleSyncFlow)
                .next(pdaReconcileFlow)
                .next(maintenanceFlow)
                .next(sendMaintenanceAlerts)
                .next(generateReports)
                .next(sendMorningEmail)
                .end()
                .listener(warnings)
                .listener(failureAlert)
                .listener(metrics)
                .build();
    }
}
