package ca.ptm.nocturne.imports.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RejectCodeTest {

    @Test
    void hasExactlyTheAgreedCodes() {
        assertThat(Arrays.stream(RejectCode.values()).map(Enum::name)).containsExactlyInAnyOrder(
                "BAD_DATE", "AMBIGUOUS_YEAR", "BAD_AMOUNT", "BAD_NUMBER", "BAD_VALUE", "BAD_ENCODING",
                "MISSING_REQUIRED", "UNKNOWN_TECHNICIAN", "UNKNOWN_PRODUCT", "BAD_STATUS", "COLUMN_COUNT",
                "BAD_QUOTING", "UNKNOWN_FORMAT", "EMPTY_FILE", "UNREADABLE_FILE", "DUPLICATE",
                "UNKNOWN_INSTITUTION");
    }

    @ParameterizedTest
    @EnumSource(RejectCode.class)
    void everyCodeHasAFrenchLabel(RejectCode code) {
        assertThat(code.label()).isNotBlank().doesNotContain("_");
    }

    @ParameterizedTest
    @CsvSource({
        "BAD_DATE, Date illisible",
        "BAD_AMOUNT, Montant illisible",
        "AMBIGUOUS_YEAR, Année ambiguë",
        "EMPTY_FILE, Fichier vide",
    })
    void labels(RejectCode code, String label) {
        assertThat(code.label()).isEqualTo(label);
    }
}
