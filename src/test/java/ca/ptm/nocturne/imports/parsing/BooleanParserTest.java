package ca.ptm.nocturne.imports.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BooleanParserTest {

    @ParameterizedTest
    @ValueSource(strings = {"true", "True", "TRUE", "oui", "Oui", "OUI", "yes", "Yes", "1", "vrai", "Vrai", "x", "X", " oui "})
    void trueValues(String text) {
        assertThat(BooleanParser.parse(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "False", "FALSE", "non", "Non", "no", "NO", "0", "faux", "Faux", "\u00A0non"})
    void falseValues(String text) {
        assertThat(BooleanParser.parse(text)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\u202F"})
    void blankIsUnknown(String text) {
        assertThat(BooleanParser.parse(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"peut-être", "2", "ok", "-", "xx", "o", "n", "oui non"})
    void otherWordsAreRejected(String text) {
        ValueParseException e = Rejections.assertRejected(RejectCode.BAD_VALUE, () -> BooleanParser.parse(text));
        assertThat(Rejections.plainMessage(e)).isEqualTo("Valeur oui/non invalide : « " + text + " »");
    }
}
