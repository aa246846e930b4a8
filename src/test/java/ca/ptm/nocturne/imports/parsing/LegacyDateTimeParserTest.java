package ca.ptm.nocturne.imports.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LegacyDateTimeParserTest {

    private static final ZoneId MONTREAL = ZoneId.of("America/Montreal");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-02-03T17:10:00      | 2026-02-03T17:10:00",
        "2026-02-03 17:10         | 2026-02-03T17:10:00",
        "2026-02-03 17:10:00.5    | 2026-02-03T17:10:00.500",
        "2026-02-03 17:10:00,25   | 2026-02-03T17:10:00.250",
        "2026-02-03T17:10:00.123456789 | 2026-02-03T17:10:00.123456789",
        "2024-01-15T10:00:00      | 2024-01-15T10:00:00",
        "2026-02-03               | 2026-02-03T00:00:00",
        "' 2026-02-03 9:05 '      | 2026-02-03T09:05:00",
    })
    void parseLocal(String text, LocalDateTime expected) {
        assertThat(LegacyDateTimeParser.parseLocal(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2025-11-21 21:05:22 UTC   | 2025-11-21T21:05:22Z",
        "2025-11-21T21:05:22Z      | 2025-11-21T21:05:22Z",
        "2019-04-02T13:10:00Z      | 2019-04-02T13:10:00Z",
        "2025-11-21T16:05:22-05:00 | 2025-11-21T21:05:22Z",
        "2025-11-21T16:05:22-0500  | 2025-11-21T21:05:22Z",
        "2025-11-21T23:05:22+02:00 | 2025-11-21T21:05:22Z",
        "2025-11-21 16:05:22       | 2025-11-21T21:05:22Z",
        "2025-07-01 17:00          | 2025-07-01T21:00:00Z",
        "2026-02-03                | 2026-02-03T05:00:00Z",
    })
    void parseInstant(String text, Instant expected) {
        assertThat(LegacyDateTimeParser.parseInstant(text, MONTREAL)).isEqualTo(expected);
    }

    @Test
    void localTextDependsOnTheGivenZone() {
        assertThat(LegacyDateTimeParser.parseInstant("2025-11-21 21:05:22", ZoneId.of("UTC")))
                .isEqualTo(Instant.parse("2025-11-21T21:05:22Z"));
    }

    @Test
    void zoneIsRequired() {
        assertThatNullPointerException().isThrownBy(() -> LegacyDateTimeParser.parseInstant("2025-11-21", null));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\u00A0"})
    void blankIsNull(String text) {
        assertThat(LegacyDateTimeParser.parseLocal(text)).isNull();
        assertThat(LegacyDateTimeParser.parseInstant(text, MONTREAL)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "hier", "2026-02-03T25:00", "2026-02-03 17:60", "2026-02-30 10:00", "2026-02-03T17", "03/02/2026 17:10",
        "2026-02-03 17:10:00 EST", "2026-02-03T17:10:00+25:00", "2026-02-03T17:10:00.1234567890",
    })
    void garbageIsRejected(String text) {
        ValueParseException e = Rejections.assertRejected(RejectCode.BAD_DATE, () -> LegacyDateTimeParser.parseLocal(text));
        assertThat(Rejections.plainMessage(e)).contains("« " + text + " »");
        Rejections.assertRejected(RejectCode.BAD_DATE, () -> LegacyDateTimeParser.parseInstant(text, MONTREAL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-11-21T21:05:22Z", "2025-11-21 21:05:22 UTC", "2025-11-21T16:05:22-05:00"})
    void parseLocalRefusesAZoneRatherThanDroppingIt(String text) {
        Rejections.assertRejected(RejectCode.BAD_DATE, () -> LegacyDateTimeParser.parseLocal(text));
    }
}
