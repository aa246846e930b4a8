package ca.ptm.nocturne.maintenance;

import ca.ptm.nocturne.mail.MailDelivery;
import ca.ptm.nocturne.shared.time.BusinessTime;
import java.time.LocalDate;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The maintenance stage of the night, after the import and the sync: the fleet overlay links the inventory files'
 * pianos to Gazelle's, then the alert scan records the new maintenance alerts. The email to Nicolas is its own
 * step ({@link #sendMaintenanceAlerts}), after Allan's morning email.
 */
@Configuration(proxyBeanMethods = false)
public class MaintenanceConfiguration {

    public static final String OVERLAY_STEP = "fleet-overlay";
    public static final String ALERTS_STEP = "maintenance-alerts";
    public static final String ALERTS_MAIL_STEP = "send-maintenance-alerts";
    /** Step context keys: the alerts recorded by the scan, the inventory rows linked by the overlay. */
    public static final String FOUND = "alerts.new";
    public static final String LINKED = "overlay.linked";

    @Bean
    Flow maintenanceFlow(JobRepository jobRepository, PlatformTransactionManager transactionManager, FleetOverlay overlay,
                         AlertScan scan) {
        Tasklet link = (contribution, chunk) -> {
            FleetOverlay.Outcome outcome = overlay.link();
            chunk.getStepContext().getStepExecution().getExecutionContext().putInt(LINKED, outcome.linked());
            contribution.incrementWriteCount(outcome.linked());
            return RepeatStatus.FINISHED;
        };
        Tasklet alerts = (contribution, chunk) -> {
            var step = chunk.getStepContext().getStepExecution();
            int found = scan.scan(runDate(step.getJobExecution()), step.getJobExecution().getId());
            step.getExecutionContext().putInt(FOUND, found);
            contribution.incrementWriteCount(found);
            return RepeatStatus.FINISHED;
        };
        return new FlowBuilder<Flow>("maintenanceFlow")
                .start(new StepBuilder(OVERLAY_STEP, jobRepository).tasklet(link, transactionManager).build())
                .next(new StepBuilder(ALERTS_STEP, jobRepository).tasklet(alerts, transactionManager).build())
                .build();
    }

    /** Nicolas's email with the alerts the night found; none found, no email. A restart does not send it twice. */
    @Bean
    Step sendMaintenanceAlerts(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                               MaintenanceAlerts alerts, MailDelivery delivery) {
        Tasklet send = (contribution, chunk) -> {
            JobExecution job = chunk.getStepContext().getStepExecution().getJobExecution();
            List<MaintenanceAlerts.Alert> found = alerts.newOfJobInstance(job.getJobInstance().getInstanceId());
            if (!found.isEmpty()) {
                delivery.deliver(job.getId(), MaintenanceAlertMail.of(runDate(job), found));
                contribution.incrementWriteCount(1);
            }
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder(ALERTS_MAIL_STEP, jobRepository).tasklet(send, transactionManager).build();
    }

    static LocalDate runDate(JobExecution job) {
        LocalDate date = job.getJobParameters().getLocalDate("date");
        return date != null ? date : LocalDate.now(BusinessTime.ZONE);
    }
}
