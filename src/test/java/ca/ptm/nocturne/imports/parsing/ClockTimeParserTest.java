package ca.ptm.nocturne.imports.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ClockTimeParserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "14h30            | 14:30",
        "14 h 30          | 14:30",
        "14:30            | 14:30",
        "14h              | 14:00",
        "10h              | 10:00",
        "7pm              | 19:00",
        "7 pm             | 19:00",
        "7PM              | 19:00",
        "7:30pm           | 19:30",
        "7:30 PM          | 19:30",
        "7 p.m.           | 19:00",
        "9 am             | 09:00",
        "12pm             | 12:00",
        "12am             | 00:00",
        "2:30pm           | 14:30",
        "avant 10h        | 10:00",
        "après 14h        | 14:00",
        "apres 14h        | 14:00",
        "entre 8h et 9h   | 08:00",
        "19h00            | 19:00",
        "9h05             | 09:05",
        "avant 18h        | 18:00",
        "0h00             | 00:00",
        "23h59            | 23:59",
        "14:30:00         | 14:30",
        "14 heures        | 14:00",
        "RDV à 9H15 svp   | 09:15",
        "1er mars 14h     | 14:00",
        "salle 3, 14h     | 14:00",
        "2025-12-05 14:00 | 14:00",
        "le 12/05 à 16h   | 16:00",
        "10h-11h          | 10:00",
    })
    void firstClockTime(String text, LocalTime expected) {
        assertThat(ClockTimeParser.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        " ", "à confirmer", "matin", "14", "après-midi", "salle 3", "5 avril", "3 pommes", "midi", "hier",
    })
    void noClockTime(String text) {
        assertThat(ClockTimeParser.parse(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h", " H ", "25h", "14h75", "24:00", "13pm", "0am", "14h5", "9h300", "25h puis 10h"})
    void impossibleTimes(String text) {
        ValueParseException e = Rejections.assertRejected(RejectCode.BAD_VALUE, () -> ClockTimeParser.parse(text));
        assertThat(Rejections.plainMessage(e)).isEqualTo("Heure invalide : « " + text.strip() + " »");
    }
}
