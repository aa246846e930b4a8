package ca.ptm.nocturne.gazelle.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopyTextTest {

    private static String encoded(Object value) {
        StringBuilder out = new StringBuilder();
        CopyText.appendValue(out, value);
        return out.toString();
    }

    @Test
    void nullIsTheCopyNullMarker() {
        assertThat(encoded(null)).isEqualTo("\\N");
    }

    @Test
    void textKeepsAccentsAndEscapesWhatCopyReads() {
        assertThat(encoded("Réglage « Ré 5 », 21°")).isEqualTo("Réglage « Ré 5 », 21°");
        assertThat(encoded("ligne 1\nligne 2\ttab\r\\N")).isEqualTo("ligne 1\\nligne 2\\ttab\\r\\\\N");
    }

    @Test
    void scalarsInTheFormsPostgresqlReads() {
        assertThat(encoded(Boolean.TRUE) + encoded(Boolean.FALSE)).isEqualTo("tf");
        assertThat(encoded(42) + "|" + encoded(7L)).isEqualTo("42|7");
        assertThat(encoded(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(encoded(Instant.parse("2025-11-21T21:05:22Z"))).isEqualTo("2025-11-21T21:05:22Z");
        assertThat(encoded(LocalDate.of(2025, 11, 21)) + " " + encoded(LocalTime.of(14, 30))).isEqualTo("2025-11-21 14:30");
        assertThat(encoded(new SyncRecord.JsonText("{\"note\":\"a\\tb\"}"))).isEqualTo("{\"note\":\"a\\\\tb\"}");
    }

    @Test
    void arraysQuoteEveryElementAndAreEscapedTwice() {
        assertThat(encoded(List.of("institutional", "École, Priorité 1"))).isEqualTo("{\"institutional\",\"École, Priorité 1\"}");
        assertThat(encoded(List.of("a\"b", "c\\d"))).isEqualTo("{\"a\\\\\"b\",\"c\\\\\\\\d\"}");
        assertThat(encoded(Arrays.asList("x", null))).isEqualTo("{\"x\",NULL}");
        assertThat(encoded(List.of())).isEqualTo("{}");
    }

    @Test
    void anUnknownTypeIsAnErrorNotAGuess() {
        assertThatThrownBy(() -> encoded(new Object())).isInstanceOf(IllegalArgumentException.class);
    }
}
