package ca.ptm.nocturne.operations.health;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} component "gazelleSync": the age of the last successful sync (sync_logs), DOWN past 30 h. */
@Component("gazelleSync")
public class GazelleSyncHealthIndicator extends AbstractHealthIndicator {

    private final JdbcTemplate jdbc;

    public GazelleSyncHealthIndicator(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<OffsetDateTime> latest = jdbc.queryForList("SELECT max(completed_at) FROM sync_logs WHERE status = 'success'",
                OffsetDateTime.class);
        OffsetDateTime last = latest.isEmpty() ? null : latest.get(0);
        if (last == null) {
            builder.unknown().withDetail("lastSync", "aucune");
            return;
        }
        Duration age = Duration.between(last.toInstant(), Instant.now());
        (age.compareTo(LastNightHealthIndicator.STALE) > 0 ? builder.down() : builder.up())
                .withDetail("lastSync", last.toInstant().toString()).withDetail("ageHours", age.toHours());
    }
}
