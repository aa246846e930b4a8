package ca.ptm.nocturne.gazelle.source;

import ca.ptm.nocturne.gazelle.GazelleProperties;
import ca.ptm.nocturne.shared.time.BusinessTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The incremental windows, anchored on the last SUCCESSFUL sync of each step as the job repository records it (a
 * failed or missed night is caught up by the next one), with overlaps: timeline entries from 30 days before it,
 * appointments from 7 days before it to 90 days after the run date. No successful sync yet, or {@code --full}: the
 * whole history.
 */
@Component
public class SyncWindow {

    /** Gazelle's history starts in 2016. */
    static final LocalDate HISTORY_START = LocalDate.of(2016, 1, 1);

    private final JdbcTemplate jdbc;
    private final GazelleProperties properties;
    private final JobRepository jobRepository;

    public SyncWindow(JdbcTemplate jdbc, GazelleProperties properties, JobRepository jobRepository) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.jobRepository = jobRepository;
    }

    /**
     * When the step last completed reading the API, in any job that runs it (nightly or gazelle-sync). A run from the
     * export files does not count: it says nothing of what the API has.
     */
    public Optional<Instant> lastSuccess(String stepName) {
        for (Long id : jdbc.queryForList("""
                SELECT step_execution_id FROM batch.batch_step_execution WHERE step_name = ? AND status = 'COMPLETED'
                ORDER BY start_time DESC LIMIT 50""", Long.class, stepName)) {
            StepExecution step = jobRepository.getStepExecution(id);
            if (step != null && step.getExecutionContext().containsKey(GraphQlPageReader.WINDOW)) {
                return Optional.of(step.getStartTime().toInstant(ZoneOffset.UTC));
            }
        }
        return Optional.empty();
    }

    public Map<String, Object> appointments(String stepName, boolean full, LocalDate runDate) {
        LocalDate from = full ? HISTORY_START : lastSuccess(stepName)
                .map(last -> last.atZone(BusinessTime.ZONE).toLocalDate().minusDays(properties.appointmentsDaysBack()))
                .orElse(HISTORY_START);
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("startOn", from.toString());
        window.put("endOn", runDate.plusDays(properties.appointmentsDaysAhead()).toString());
        return window;
    }

    /** Gazelle's CoreDateTime as its occurredAtGet filter takes it: UTC, whole seconds, "YYYY-MM-DDTHH:MM:SSZ". */
    public static String coreDateTime(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    public Map<String, Object> timeline(String stepName, boolean full) {
        Map<String, Object> window = new LinkedHashMap<>();
        if (!full) {
            lastSuccess(stepName).ifPresent(last ->
                    window.put("occurredAtGet", coreDateTime(last.minus(properties.timelineDaysBack(), ChronoUnit.DAYS))));
        }
        if (!window.containsKey("occurredAtGet")) {
            window.put("occurredAtGet", null);
        }
        return window;
    }
}
