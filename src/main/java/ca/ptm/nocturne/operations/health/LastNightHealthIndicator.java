package ca.ptm.nocturne.operations.health;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component "lastNight": DOWN when the last successful night is older than 30 hours (a
 * missed or failed night nobody restarted), with the time of that night and of the latest failure.
 */
@Component("lastNight")
public class LastNightHealthIndicator extends AbstractHealthIndicator {

    static final Duration STALE = Duration.ofHours(30);

    private final JdbcTemplate jdbc;

    public LastNightHealthIndicator(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<LocalDateTime> completed = jdbc.queryForList("""
                SELECT max(e.end_time) FROM batch.batch_job_execution e JOIN batch.batch_job_instance i
                  ON i.job_instance_id = e.job_instance_id WHERE i.job_name = 'nightly' AND e.status = 'COMPLETED'""",
                LocalDateTime.class);
        LocalDateTime last = completed.isEmpty() ? null : completed.get(0);
        if (last == null) {
            builder.unknown().withDetail("lastSuccessfulNight", "aucune");
            return;
        }
        Duration age = Duration.between(last.toInstant(ZoneOffset.UTC), java.time.Instant.now());
        (age.compareTo(STALE) > 0 ? builder.down() : builder.up())
                .withDetail("lastSuccessfulNight", last.toInstant(ZoneOffset.UTC).toString())
                .withDetail("ageHours", age.toHours());
    }
}
