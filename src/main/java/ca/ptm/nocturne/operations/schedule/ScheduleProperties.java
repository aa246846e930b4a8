package ca.ptm.nocturne.operations.schedule;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param cron Spring cron (seconds first) of the nightly run, in America/Montreal time: daylight saving is handled by
 *             the zone, never by a UTC offset
 */
@ConfigurationProperties("nocturne.schedule")
public record ScheduleProperties(String cron) {

    public ScheduleProperties {
        cron = cron == null ? "0 0 2 * * *" : cron;
    }
}
