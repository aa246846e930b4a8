package ca.ptm.nocturne.operations.schedule;

import ca.ptm.nocturne.shared.time.BusinessTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.TriggerContext;
import org.springframework.scheduling.support.CronExpression;

/**
 * The schedule's arithmetic on Montreal wall-clock time. The cron is evaluated on local date-times and only then
 * placed in the zone: on the spring-forward night 02:00 does not exist and the night runs at 03:00 (a zoned cron
 * would skip the whole night); on the fall-back night 02:00 exists once and the night runs once.
 */
public record NightClock(CronExpression cron) implements Trigger {

    public static NightClock of(String expression) {
        return new NightClock(CronExpression.parse(expression));
    }

    public ZonedDateTime next(ZonedDateTime after) {
        LocalDateTime local = cron.next(after.withZoneSameInstant(BusinessTime.ZONE).toLocalDateTime());
        return local == null ? null : ZonedDateTime.ofLocal(local, BusinessTime.ZONE, null);
    }

    /** The latest fire time at or before {@code now}, looking back at most 8 days. */
    public Optional<ZonedDateTime> latestDue(ZonedDateTime now) {
        ZonedDateTime montreal = now.withZoneSameInstant(BusinessTime.ZONE);
        ZonedDateTime candidate = next(montreal.minusDays(8));
        ZonedDateTime latest = null;
        while (candidate != null && !candidate.isAfter(montreal)) {
            latest = candidate;
            candidate = next(candidate);
        }
        return Optional.ofNullable(latest);
    }

    @Override
    public Instant nextExecution(TriggerContext context) {
        Instant last = context.lastScheduledExecution();
        ZonedDateTime from = ZonedDateTime.ofInstant(last == null ? context.getClock().instant() : last, BusinessTime.ZONE);
        ZonedDateTime next = next(from);
        return next == null ? null : next.toInstant();
    }
}
