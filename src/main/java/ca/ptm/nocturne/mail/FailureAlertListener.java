package ca.ptm.nocturne.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/** A failed run alerts Allan with the failing step, the error, the first rejects and the restart command. */
@Component
public class FailureAlertListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(FailureAlertListener.class);

    private final NightMails mails;
    private final MailDelivery delivery;

    public FailureAlertListener(NightMails mails, MailDelivery delivery) {
        this.mails = mails;
        this.delivery = delivery;
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.FAILED) {
            return;
        }
        try {
            delivery.deliver(execution.getId(), mails.alert(execution));
        } catch (RuntimeException e) {
            // Recorded in mail_delivery and kept in the outbox by MailDelivery; the run's own failure is what matters.
            log.error("Failure alert for execution {} not delivered: {}", execution.getId(), e.getMessage());
        }
    }
}
