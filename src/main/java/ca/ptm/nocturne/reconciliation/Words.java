package ca.ptm.nocturne.reconciliation;

import ca.ptm.nocturne.imports.parsing.TextNormalizer;
import java.util.Arrays;
import java.util.List;

/**
 * Free text reduced to folded words (no accents, no case, punctuation as spaces) wrapped in spaces, so that a word or
 * a phrase is found whole: " place des arts tm troupe exemple " contains " tm " but "thermostat" never contains
 * " stat ".
 */
final class Words {

    private Words() {
    }

    /** " word word … "; a single space for null or blank text. */
    static String of(String text) {
        String folded = TextNormalizer.fold(text);
        if (folded == null) {
            return " ";
        }
        String words = folded.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return words.isEmpty() ? " " : " " + words + " ";
    }

    static boolean containsPhrase(String words, String phrase) {
        String p = of(phrase);
        return !p.isBlank() && words.contains(p);
    }

    static List<String> list(String text) {
        String words = of(text).strip();
        return words.isEmpty() ? List.of() : Arrays.asList(words.split(" "));
    }
}
