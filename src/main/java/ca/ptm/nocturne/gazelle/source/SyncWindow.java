package ca.ptm.nocturne.gazelle.source;

import ca.ptm.nocturne.gazelle.GazelleProperties;
import ca.ptm.nocturne.shared.time.BusinessTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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

    public SyncWindow(JdbcTemplate jdbc, GazelleProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** When the step last completed, in any job that runs it (nightly or gazelle-sync). */
    public Optional<Instant> lastSuccess(String stepName) {
        LocalDateTime start = jdbc.queryForObject("""
                SELECT max(start_time) FROM batch.batch_step_execution WHERE step_name = ? AND status = 'COMPLETED'""",
                LocalDateTime.class, stepName);
        return Optional.ofNullable(start).map(s -> s.toInstant(ZoneOffset.UTC));
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

    public Map<String, Object> timeline(String stepName, boolean full) {
        Map<String, Object> window = new LinkedHashMap<>();
        if (!full) {
            lastSuccess(stepName).ifPresent(last ->
                    window.put("occurredAtGet", last.minus(properties.timelineDaysBack(), ChronoUnit.DAYS).toString()));
        }
        if (!window.containsKey("occurredAtGet")) {
            window.put("occurredAtGet", null);
        }
        return window;
    }
}
