package ca.ptm.nocturne.gazelle.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class GazelleTimeTest {

    @ParameterizedTest
    @CsvSource({
        "2025-11-21T03:30:00Z, 2025-11-20, 22:30", // winter, UTC-5: still the evening before in Montreal
        "2025-11-21T05:00:00Z, 2025-11-21, 00:00",
        "2026-07-01T03:30:00Z, 2026-06-30, 23:30", // summer, UTC-4
        "2026-03-08T07:30:00Z, 2026-03-08, 03:30", // just after the spring change
    })
    void montrealDateAndTime(String utc, LocalDate date, LocalTime time) {
        Instant instant = Instant.parse(utc);
        assertThat(GazelleTime.montrealDate(instant)).isEqualTo(date);
        assertThat(GazelleTime.montrealTime(instant)).isEqualTo(time);
    }

    @Test
    void nullInstantGivesNull() {
        assertThat(GazelleTime.montrealDate(null)).isNull();
        assertThat(GazelleTime.montrealTime(null)).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "2026-02-11T21:40:57Z, 2026-02-11T21:40:57Z",
        "2026-02-11T21:40:57.250Z, 2026-02-11T21:40:57.250Z",
        "2026-02-11T21:40:57+00:00, 2026-02-11T21:40:57Z",
        "2026-02-11T16:40:57-05:00, 2026-02-11T21:40:57Z",
    })
    void parsesApiDateTimes(String text, String expected) {
        assertThat(GazelleTime.parseApi(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" "})
    void blankIsNull(String text) {
        assertThat(GazelleTime.parseApi(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-11", "2026-02-11 21:40:57", "hier"})
    void rejectsTextWithoutOffset(String text) {
        assertThatThrownBy(() -> GazelleTime.parseApi(text)).isInstanceOf(DateTimeParseException.class);
    }
}
