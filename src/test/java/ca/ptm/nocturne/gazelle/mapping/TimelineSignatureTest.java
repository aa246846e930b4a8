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

    /** The signatures already stored were made by the regular-expression fold: the faster one must give the same text. */
    @Test
    void theFoldGivesWhatTheRegularExpressionFoldGave() {
        java.util.List<String> corpus = java.util.List.of("Accord 442 Hz. 21°, 36%. stat 12,50", "  Réglage   de l'échappement\r\n",
                "ŒUVRE à Noël\u202Fdéjà\u00A0vu", "tab\tand\u000Bvertical\ftabs", "e\u0301te\u0301 décomposé", " \u0301 ",
                "Ǆ ǅ ǆ İstanbul ß ΣΑΣ", "emoji 🎹 piano\u2007fin", "\u2003em space\u2003", "", "   ", "ÀÉÎÕÜ çÇ ñ",
                "Hangul 한국어 조율", "ﬁnition ligature");
        java.util.List<String> texts = new java.util.ArrayList<>(corpus);
        for (char c = 0; c < 0x250; c++) {
            texts.add("x" + c + "y");   // every Latin character, alone between two letters
        }
        java.util.regex.Pattern marks = java.util.regex.Pattern.compile("\\p{M}+");
        java.util.regex.Pattern spaces = java.util.regex.Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
        for (String text : texts) {
            String decomposed = java.text.Normalizer.normalize(text.toLowerCase(java.util.Locale.ROOT), java.text.Normalizer.Form.NFD);
            String composed = java.text.Normalizer.normalize(marks.matcher(decomposed).replaceAll(""), java.text.Normalizer.Form.NFC);
            String reference = spaces.matcher(composed).replaceAll(" ").strip();
            assertThat(TimelineSignature.fold(text)).as(text).isEqualTo(reference);
        }
    }

    @Test
    void nullDescriptionIsEmpty() {
        assertThat(TimelineSignature.of(DAY, null)).isEqualTo("2025-11-21|");
        assertThat(TimelineSignature.of(null, "x")).isEqualTo("|x");
    }
}
