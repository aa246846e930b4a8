package ca.ptm.nocturne.imports.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class DelimiterDetectorTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "'Date de la demande,Date du RDV,Salle,Heure,Technicien,Commentaire,' | ','",
        "'Institution;Saison;Début;Tarif jour'                                | ';'",
        "'a;\"b,c,d\";e'                                                        | ';'",
        "'a,\"b;c;d\",e'                                                        | ','",
        "'a;b,c'                                                              | ','",
        "'sans séparateur'                                                    | ','",
        "'\"a;b;c\"'                                                            | ','",
        "'a;\"dit \"\"x,y,z\"\"\";b'                                              | ';'",
    })
    void detects(String line, char expected) {
        assertThat(DelimiterDetector.detect(line)).isEqualTo(expected);
    }

    @Test
    void tabs() {
        assertThat(DelimiterDetector.detect("Date\tSalle\tHeure\tCommentaire, divers")).isEqualTo('\t');
        assertThat(DelimiterDetector.detect("a\tb;c")).isEqualTo(',');
    }

    @ParameterizedTest
    @NullAndEmptySource
    void nothingToCountDefaultsToComma(String line) {
        assertThat(DelimiterDetector.detect(line)).isEqualTo(',');
    }
}
