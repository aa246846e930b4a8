package ca.ptm.nocturne.shared.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The business reasons in Montreal days: run dates, yearless legacy dates and report periods all use this zone. */
public record BusinessTime(Clock clock) {

    public static final ZoneId ZONE = ZoneId.of("America/Montreal");

    public static BusinessTime system() {
        return new BusinessTime(Clock.system(ZONE));
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
