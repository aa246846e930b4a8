package ca.ptm.nocturne.imports.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

class ValueParseExceptionTest {

    @Test
    void carriesCodeAndMessage() {
        ValueParseException e = new ValueParseException(RejectCode.BAD_VALUE, "Statut inconnu");
        assertThat(e.rejectCode()).isEqualTo(RejectCode.BAD_VALUE);
        assertThat(e.code()).isEqualTo("BAD_VALUE");
        assertThat(e.getMessage()).isEqualTo("Statut inconnu");
        assertThat(e).isInstanceOf(RuntimeException.class);
    }

    @Test
    void ofQuotesTheValueWithFrenchTypography() {
        ValueParseException e = ValueParseException.of(RejectCode.BAD_DATE, "31/02/2026");
        assertThat(e.getMessage()).isEqualTo("Date illisible\u00A0: «\u00A031/02/2026\u00A0»");
    }

    @Test
    void ofAcceptsAMorePreciseLead() {
        ValueParseException e = ValueParseException.of(RejectCode.BAD_VALUE, "Heure invalide", "25h");
        assertThat(Rejections.plainMessage(e)).isEqualTo("Heure invalide : « 25h »");
    }

    @Test
    void longValuesAreShortened() {
        String value = "x".repeat(500);
        ValueParseException e = ValueParseException.of(RejectCode.BAD_DATE, value);
        assertThat(e.getMessage()).hasSizeLessThan(100).contains("x".repeat(60) + "…");
    }

    @Test
    void nullValueIsShownAsNull() {
        assertThat(Rejections.plainMessage(ValueParseException.of(RejectCode.BAD_DATE, null)))
                .isEqualTo("Date illisible : « null »");
    }

    @Test
    void codeIsRequired() {
        assertThatNullPointerException().isThrownBy(() -> new ValueParseException(null, "x"));
    }
}
