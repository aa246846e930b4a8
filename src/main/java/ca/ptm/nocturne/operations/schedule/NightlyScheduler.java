package ca.ptm.nocturne.operations.schedule;

import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.operations.OperationRefusedException;
import ca.ptm.nocturne.operations.StatusLabels;
import ca.ptm.nocturne.operations.SyncOptions;
import ca.ptm.nocturne.shared.time.BusinessTime;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * {@code serve} mode: runs the night on the cron, in America/Montreal time, with the Montreal run date as the night's
 * identity. At start-up it catches up the latest night that should have run and did not (machine down). A night
 * that failed is not run again as a new instance: it waits for {@code jobs restart} (the alert said so).
 */
@Component
public class NightlyScheduler {

    private static final Logger log = LoggerFactory.getLogger(NightlyScheduler.class);

    private final JobLaunches launches;
    private final ScheduleProperties properties;
    private ThreadPoolTaskScheduler scheduler;

    public NightlyScheduler(JobLaunches launches, ScheduleProperties properties) {
        this.launches = launches;
        this.properties = properties;
    }

    public synchronized void start() {
        NightClock clock = NightClock.of(properties.cron());
        clock.latestDue(ZonedDateTime.now(BusinessTime.ZONE))
                .ifPresent(due -> runNight(due.toLocalDate(), "rattrapage de la nuit manquée"));
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("nocturne-night-");
        scheduler.setPoolSize(1);
        scheduler.initialize();
        scheduler.schedule(() -> runNight(LocalDate.now(BusinessTime.ZONE), "horaire"), clock);
        log.info("Nightly schedule '{}' (America/Montreal); next night at {}", properties.cron(),
                clock.next(ZonedDateTime.now(BusinessTime.ZONE)));
    }

    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
        }
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
