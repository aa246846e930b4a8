package ca.ptm.nocturne.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {

    @Test
    void controlCharactersAreShownEscapedAndOrdinaryTextIsLeftAlone() {
        assertThat(Printable.escape("fournitures\nFAUX LOG\r\tx.csv")).isEqualTo("fournitures\\nFAUX LOG\\r\\tx.csv");
        assertThat(Printable.escape("rouge \u001B[31m \u0007 \u007F \u202Egpj.exe")).isEqualTo("rouge \\u001B[31m \\u0007 \\u007F \\u202Egpj.exe");
        assertThat(Printable.escape("Montréal – été (copie) n°2.csv")).isEqualTo("Montréal – été (copie) n°2.csv");
        assertThat(Printable.escape(null)).isNull();
    }

    @Test
    void anExcerptKeepsAtMostTheGivenNumberOfCharacters() {
        assertThat(Printable.excerpt("x".repeat(200), 80)).isEqualTo("x".repeat(80) + "…");
        assertThat(Printable.excerpt("court", 80)).isEqualTo("court");
    }
}
