package ca.ptm.nocturne.operations.schedule;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param cron         Spring cron (seconds first) of the nightly run, in America/Montreal time: daylight saving is
 *                     handled by the zone, never by a UTC offset
 * @param catchUp      whether {@code serve} runs, at start-up, the latest night that should have run and did not
 * @param pollInterval how often the schedule looks at the clock; a tick fires at the first look at or after its time
 */
@ConfigurationProperties("nocturne.schedule")
public record ScheduleProperties(String cron, Boolean catchUp, Duration pollInterval) {

    public ScheduleProperties {
        cron = cron == null ? "0 0 2 * * *" : cron;
        catchUp = catchUp == null || catchUp;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
    }
}
