package ca.ptm.nocturne.console;

import ca.ptm.nocturne.operations.ExecutionReport;
import ca.ptm.nocturne.operations.FailureText;
import ca.ptm.nocturne.operations.StatusLabels;
import ca.ptm.nocturne.shared.batch.RunWarnings;
import ca.ptm.nocturne.shared.time.BusinessTime;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * How the pages write times, durations and states: in French, in Montreal time. Spring Batch stores its timestamps
 * as UTC local date-times (the JVM runs in UTC); PostgreSQL timestamptz columns arrive as instants. Used from the
 * templates as {@code @consoleFormat}.
 */
@Component("consoleFormat")
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
public class ConsoleFormat {

    private static final Locale FR = ConsoleWebConfiguration.LOCALE;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH 'h' mm", FR);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", FR);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", FR);

    /** A Spring Batch time (UTC without zone) in Montreal time, to the minute; "—" when absent. */
    public String time(LocalDateTime utc) {
        return utc == null ? "—" : DATE_TIME.format(montreal(utc));
    }

    /** A Spring Batch time in Montreal time, to the second. */
    public String seconds(LocalDateTime utc) {
        return utc == null ? "—" : SECONDS.format(montreal(utc));
    }

    /** A timestamptz read by JDBC (Timestamp, OffsetDateTime or Instant) in Montreal time. */
    public String instant(Object value) {
        Instant instant = toInstant(value);
        return instant == null ? "—" : DATE_TIME.format(instant.atZone(BusinessTime.ZONE));
    }

    public String day(LocalDate date) {
        return date == null ? "—" : DAY.format(date);
    }

    public static ZonedDateTime montreal(LocalDateTime utc) {
        return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(BusinessTime.ZONE);
    }

    public static Instant toInstant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof LocalDateTime utc) {
            return utc.toInstant(ZoneOffset.UTC);
        }
        return null;
    }

    public String duration(JobExecution execution) {
        return ExecutionReport.duration(execution);
    }

    public String duration(StepExecution step) {
        if (step.getStartTime() == null) {
            return "—";
        }
        LocalDateTime end = step.getEndTime() != null ? step.getEndTime() : LocalDateTime.now(ZoneOffset.UTC);
        Duration duration = Duration.between(step.getStartTime(), end);
        return duration.toMinutes() > 0 ? duration.toMinutes() + " min " + duration.toSecondsPart() + " s"
                : String.format(FR, "%.1f s", duration.toMillis() / 1000.0);
    }

    public String status(JobExecution execution) {
        return StatusLabels.of(execution);
    }

    public String status(BatchStatus status) {
        return StatusLabels.of(status);
    }

    /** The CSS class of a state; the colour always comes with the French word, never alone. */
    public String css(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED
                && RunWarnings.COMPLETED_WITH_WARNINGS.equals(execution.getExitStatus().getExitCode())) {
            return "st-warn";
        }
        return css(execution.getStatus());
    }

    public String css(BatchStatus status) {
        return switch (status) {
            case COMPLETED -> "st-ok";
            case STARTING, STARTED, STOPPING -> "st-run";
            case FAILED, UNKNOWN -> "st-fail";
            case STOPPED -> "st-stopped";
            case ABANDONED -> "st-abandoned";
        };
    }

    /** The CSS class of a count-check verdict (OK, WARN, FAIL). */
    public String checkCss(Object status) {
        return switch (String.valueOf(status)) {
            case "OK" -> "st-ok";
            case "WARN" -> "st-warn";
            default -> "st-fail";
        };
    }

    public String checkLabel(Object status) {
        return switch (String.valueOf(status)) {
            case "OK" -> "conforme";
            case "WARN" -> "avertissement";
            default -> "échec";
        };
    }

    /** An exit description in one French line. */
    public String summary(String exitDescription) {
        return FailureText.summarize(exitDescription);
    }

    /** The French label of an audited action. */
    public String actionLabel(Object action) {
        return ConsoleAction.labelOf(String.valueOf(action));
    }
}
