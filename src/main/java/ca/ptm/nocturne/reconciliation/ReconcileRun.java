package ca.ptm.nocturne.reconciliation;

import ca.ptm.nocturne.shared.time.BusinessTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

/**
 * One reconciliation run: its job execution (the owner of the anomalies it records), its Montreal run date and the
 * windows derived from it.
 *
 * @param linkFrom       first appointment date matched and checked (run date − linkLookbackDays)
 * @param completionFrom first appointment date whose completion in Gazelle is looked at
 */
public record ReconcileRun(long jobExecutionId, LocalDate runDate, LocalDate linkFrom, LocalDate completionFrom, int minScore,
                           int unlinkedAlertHours) {

    public static final String DATE = "date";
    public static final String LOOKBACK_DAYS = "lookback-days";

    public static ReconcileRun of(StepExecution step, PdaReconcileProperties properties, BusinessTime time) {
        JobParameters parameters = step.getJobExecution().getJobParameters();
        LocalDate runDate = date(parameters.getParameter(DATE), time);
        Long lookback = number(parameters.getParameter(LOOKBACK_DAYS));
        int completionDays = lookback == null || lookback <= 0 ? properties.completionLookbackDays() : lookback.intValue();
        return new ReconcileRun(step.getJobExecution().getId(), runDate, runDate.minusDays(properties.linkLookbackDays()),
                runDate.minusDays(completionDays), properties.minScore(), properties.unlinkedAlertHours());
    }

    /**
     * True when a request of this date and time, unlinked at the end of the run date, has been waiting at least the
     * alert delay since its appointment (midnight when its time is unknown).
     */
    public boolean unlinkedTooLong(LocalDate appointmentDate, LocalTime time) {
        LocalDateTime appointment = appointmentDate.atTime(time == null ? LocalTime.MIDNIGHT : time);
        return !appointment.plusHours(unlinkedAlertHours).isAfter(runDate.plusDays(1).atStartOfDay());
    }

    /**
     * True when a request received at this instant, still unlinked at the end of the run date, has waited at least the
     * alert delay since it arrived.
     */
    public boolean waitedTooLong(Instant receivedAt) {
        return !receivedAt.plus(Duration.ofHours(unlinkedAlertHours))
                .isAfter(runDate.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant());
    }

    /**
     * When a request arrived: the end of its request date (a date alone could be any hour of it, so the alert never
     * comes early), else the time it was imported.
     */
    public static Instant receivedAt(LocalDate requestDate, Instant importedAt) {
        return requestDate != null ? requestDate.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant() : importedAt;
    }

    private static LocalDate date(JobParameter<?> parameter, BusinessTime time) {
        if (parameter == null || parameter.value() == null) {
            return time.today();
        }
        Object value = parameter.value();
        return value instanceof LocalDate date ? date : LocalDate.parse(value.toString().strip());
    }

    private static Long number(JobParameter<?> parameter) {
        if (parameter == null || parameter.value() == null) {
            return null;
        }
        Object value = parameter.value();
        return value instanceof Number n ? Long.valueOf(n.longValue()) : Long.valueOf(value.toString().strip());
    }
}
