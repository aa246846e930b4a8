package ca.ptm.nocturne.imports.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PitchParserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "442 | 442", "442 Hz | 442", "A442 | 442", "A=440 | 440", "443hz | 443", "' 441 ' | 441", "la 442 | 442",
    })
    void pitches(String text, int expected) {
        assertThat(PitchParser.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\u00A0"})
    void blankIsNull(String text) {
        assertThat(PitchParser.parse(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"439", "444", "A", "Hz", "415", "4420", "442.5", "99999999999999", "A4 442"})
    void outOfRangeOrNoDigits(String text) {
        ValueParseException e = Rejections.assertRejected(RejectCode.BAD_VALUE, () -> PitchParser.parse(text));
        assertThat(Rejections.plainMessage(e)).isEqualTo("Diapason invalide : « " + text + " »");
    }
}
