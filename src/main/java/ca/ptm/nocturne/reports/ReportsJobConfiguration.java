package ca.ptm.nocturne.reports;

import ca.ptm.nocturne.mail.FailureAlertListener;
import ca.ptm.nocturne.operations.StepMetricsListener;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code run reports}: the report stage alone, on the data already in the database. */
@Configuration(proxyBeanMethods = false)
public class ReportsJobConfiguration {

    public static final String JOB_NAME = "reports";

    @Bean
    Job reportsJob(JobRepository jobRepository, Step generateReports, FailureAlertListener failureAlert,
                   StepMetricsListener metrics) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(generateReports)
                .listener(failureAlert)
                .listener(metrics)
                .build();
    }
}
