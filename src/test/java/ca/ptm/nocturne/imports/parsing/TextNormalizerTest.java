package ca.ptm.nocturne.imports.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TextNormalizerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'  Salle Claude-Léveillée '| salle claude leveillee",
        "Théâtre  Jean-Duceppe      | theatre jean duceppe",
        "ŒUVRE                      | oeuvre",
        "Cœur                       | coeur",
        "Lætitia                    | laetitia",
        "Straße                     | strasse",
        "L'Église                   | l eglise",
        "L’Église                   | l eglise",
        "Maison_Symphonique         | maison symphonique",
        "Pierre–Mercure — salle     | pierre mercure salle",
        "'-- a --'                  | a",
        "ÇA VA                      | ca va",
        "Noël                       | noel",
        "''                         | ''",
    })
    void fold(String input, String expected) {
        assertThat(TextNormalizer.fold(input)).isEqualTo(expected);
    }

    static Stream<Arguments> invisibleSpaces() {
        return Stream.of(
                Arguments.of("Salle\u00A0Bourgie", "salle bourgie"),
                Arguments.of("Salle\u202FBourgie", "salle bourgie"),
                Arguments.of("\u00A0 Salle \t\n Bourgie\u202F", "salle bourgie"),
                Arguments.of("e\u0301cole", "ecole"));
    }

    @ParameterizedTest
    @MethodSource("invisibleSpaces")
    void foldHandlesNoBreakSpacesAndDecomposedAccents(String input, String expected) {
        assertThat(TextNormalizer.fold(input)).isEqualTo(expected);
    }

    @Test
    void foldOfNullIsNull() {
        assertThat(TextNormalizer.fold(null)).isNull();
        assertThat(TextNormalizer.headerKey(null)).isNull();
        assertThat(TextNormalizer.strip(null)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'Priorité '          | priorite",
        "# série              | serie",
        "Facturation (175$)   | facturation175",
        "Date de la demande   | datedelademande",
        "request_date         | requestdate",
        "Date du RDV          | datedurdv",
        "N° de série          | ndeserie",
        "''                   | ''",
    })
    void headerKey(String input, String expected) {
        assertThat(TextNormalizer.headerKey(input)).isEqualTo(expected);
    }

    @Test
    void headerKeyDropsALeadingBom() {
        assertThat(TextNormalizer.headerKey("\uFEFFDate de la demande")).isEqualTo("datedelademande");
        assertThat(TextNormalizer.headerKey("\uFEFF")).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\n ", "\u00A0", "\u202F", " \u00A0\u202F "})
    void blank(String input) {
        assertThat(TextNormalizer.isBlank(input)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", " x ", "\u00A0.", "0"})
    void notBlank(String input) {
        assertThat(TextNormalizer.isBlank(input)).isFalse();
    }

    @Test
    void stripRemovesNoBreakSpacesAtBothEndsOnly() {
        assertThat(TextNormalizer.strip("\u00A0 1\u00A0175 \u202F")).isEqualTo("1\u00A0175");
        assertThat(TextNormalizer.strip(" \u00A0 ")).isEmpty();
    }
}
