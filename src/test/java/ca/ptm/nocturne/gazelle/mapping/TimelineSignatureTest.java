package ca.ptm.nocturne.gazelle.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TimelineSignatureTest {

    private static final LocalDate DAY = LocalDate.of(2025, 11, 21);

    @Test
    void foldsCaseAccentsAndSpaces() {
        assertThat(TimelineSignature.of(DAY, "  Accord  ÉTÉ\n\t442 Hz. 21°,\u00A036% "))
                .isEqualTo("2025-11-21|accord ete 442 hz. 21°, 36%");
    }

    @Test
    void sameEntryFromCsvAndApiGivesSameSignature() {
        assertThat(TimelineSignature.of(DAY, "Réglage du mécanisme"))
                .isEqualTo(TimelineSignature.of(DAY, "reglage  du MECANISME"));
    }

    @Test
    void keepsTheFirst200Characters() {
        String text = "a".repeat(199) + "bcdef";
        assertThat(TimelineSignature.of(DAY, text)).isEqualTo("2025-11-21|" + "a".repeat(199) + "b");
    }

    @Test
    void nullDescriptionIsEmpty() {
        assertThat(TimelineSignature.of(DAY, null)).isEqualTo("2025-11-21|");
        assertThat(TimelineSignature.of(null, "x")).isEqualTo("|x");
    }
}
