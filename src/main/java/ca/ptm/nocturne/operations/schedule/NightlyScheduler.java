package ca.ptm.nocturne.operations.schedule;

import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.operations.OperationRefusedException;
import ca.ptm.nocturne.operations.StatusLabels;
import ca.ptm.nocturne.operations.SyncOptions;
import ca.ptm.nocturne.shared.time.BusinessTime;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * {@code serve} mode: runs the night on the cron, in America/Montreal time, with the Montreal date of the tick as the
 * night's identity. At start-up it catches up the latest night that should have run and did not (machine down). A
 * night that failed is not run again as a new instance: it waits for {@code jobs restart} (the alert said so).
 * <p>
 * The schedule looks at its {@link Clock} every {@code poll-interval} and fires the tick whose time has come, rather
 * than sleeping until the next tick: a clock that jumps (a suspended machine, a test's clock) is seen at the next look.
 */
@Component
public class NightlyScheduler {

    private static final Logger log = LoggerFactory.getLogger(NightlyScheduler.class);

    private final JobLaunches launches;
    private final ScheduleProperties properties;
    private final Clock clock;
    private final NightClock nightClock;
    private ThreadPoolTaskScheduler scheduler;
    private volatile ZonedDateTime nextTick;
    private volatile ZonedDateTime lastTick;

    @Autowired
    public NightlyScheduler(JobLaunches launches, ScheduleProperties properties) {
        this(launches, properties, Clock.systemUTC());
    }

    public NightlyScheduler(JobLaunches launches, ScheduleProperties properties, Clock clock) {
        this.launches = launches;
        this.properties = properties;
        this.clock = clock;
        this.nightClock = NightClock.of(properties.cron());
    }

    /** The catch-up (when enabled), then the ticks. */
    public synchronized void start() {
        if (properties.catchUp()) {
            catchUp();
        }
        startTicks();
    }

    /** Runs the latest night that should have run by now, unless it already ran, is running or failed. */
    public void catchUp() {
        nightClock.latestDue(now()).ifPresent(due -> runNight(due.toLocalDate(), "rattrapage de la nuit manquée"));
    }

    /** Starts looking at the clock; the first tick is the first fire time after now. */
    public synchronized void startTicks() {
        nextTick = nightClock.next(now());
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("nocturne-night-");
        scheduler.setPoolSize(1);
        scheduler.initialize();
        scheduler.scheduleWithFixedDelay(this::tickIfDue, properties.pollInterval());
        log.info("Nightly schedule '{}' (America/Montreal); next night at {}", properties.cron(), nextTick);
    }

    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
        }
    }

    /**
     * Fires the tick whose time has come: the night of the tick's Montreal date (not of the moment it runs). Ticks
     * missed meanwhile (the machine slept) collapse into the latest one; the next tick is the first after now.
     */
    void tickIfDue() {
        ZonedDateTime now = now();
        if (nextTick == null || now.isBefore(nextTick)) {
            return;
        }
        ZonedDateTime due = nextTick;
        for (ZonedDateTime later = nightClock.next(due); later != null && !later.isAfter(now); later = nightClock.next(later)) {
            due = later;
        }
        nextTick = nightClock.next(now);
        runNight(due.toLocalDate(), "horaire");
        lastTick = due;
    }

    /** The last tick handled (its night launched, refused or left alone), for tests and diagnostics. */
    ZonedDateTime lastTick() {
        return lastTick;
    }

    private ZonedDateTime now() {
        return ZonedDateTime.now(clock).withZoneSameInstant(BusinessTime.ZONE);
    }

    /** Runs the night of this date unless it already ran, is running, or failed (then it waits for an admin). */
    void runNight(LocalDate date, String why) {
        JobExecution existing = launches.night(date).orElse(null);
        if (existing != null) {
            if (existing.getStatus() != BatchStatus.COMPLETED) {
                log.warn("Night {} is {} (execution {}): not launched again ({}); an admin restarts it with jobs restart {}",
                        date, existing.getStatus(), existing.getId(), why, existing.getId());
            }
            return;
        }
        try {
            JobExecution execution = launches.runNightly(date, null, null, SyncOptions.DEFAULT);
            log.info("Night {} ({}): {}", date, why, StatusLabels.exitCode(execution));
        } catch (OperationRefusedException refused) {
            log.info("Night {} not launched: {}", date, refused.getMessage());
        } catch (Exception e) {
            log.error("Night {} could not be launched", date, e);
        }
    }
}
