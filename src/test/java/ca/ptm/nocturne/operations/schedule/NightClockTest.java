package ca.ptm.nocturne.operations.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.shared.time.BusinessTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class NightClockTest {

    private final NightClock twoAm = NightClock.of("0 0 2 * * *");

    @Test
    void theNightRunsAtTwoInMontrealWhateverTheUtcOffset() {
        assertThat(twoAm.next(ZonedDateTime.parse("2026-01-15T12:00:00Z")).toOffsetDateTime().toString())
                .isEqualTo("2026-01-16T02:00-05:00");
        assertThat(twoAm.next(ZonedDateTime.parse("2026-07-15T12:00:00Z")).toOffsetDateTime().toString())
                .isEqualTo("2026-07-16T02:00-04:00");
    }

    @Test
    void theNightOfTheSpringForwardRunsOnceAtTheFirstValidMoment() {
        ZonedDateTime next = twoAm.next(ZonedDateTime.of(2026, 3, 7, 12, 0, 0, 0, BusinessTime.ZONE));
        assertThat(next.toOffsetDateTime().toString()).as("02:00 does not exist that night").isEqualTo("2026-03-08T03:00-04:00");
        assertThat(twoAm.next(next).toLocalDate().toString()).isEqualTo("2026-03-09");
    }

    @Test
    void theNightOfTheFallBackRunsOnce() {
        ZonedDateTime first = twoAm.next(ZonedDateTime.of(2026, 10, 31, 12, 0, 0, 0, BusinessTime.ZONE));
        assertThat(first.toOffsetDateTime().toString()).isEqualTo("2026-11-01T02:00-05:00");
        assertThat(twoAm.next(first).toLocalDate().toString()).isEqualTo("2026-11-02");
    }

    @Test
    void theLatestDueNightIsTheOneAProcessStartingLateCatchesUp() {
        assertThat(twoAm.latestDue(ZonedDateTime.of(2026, 11, 24, 9, 30, 0, 0, BusinessTime.ZONE)))
                .hasValueSatisfying(due -> assertThat(due.toLocalDate().toString()).isEqualTo("2026-11-24"));
        assertThat(twoAm.latestDue(ZonedDateTime.of(2026, 11, 24, 1, 30, 0, 0, BusinessTime.ZONE)))
                .hasValueSatisfying(due -> assertThat(due.toLocalDate().toString()).isEqualTo("2026-11-23"));
    }
}
