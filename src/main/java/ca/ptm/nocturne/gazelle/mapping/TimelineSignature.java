package ca.ptm.nocturne.gazelle.mapping;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The content key that recognises one timeline entry arriving twice, as a generated tle_ row from a CSV export and as
 * a tme_ row from the API: same Montreal day and same beginning of text, whatever the case, accents or spacing.
 */
public final class TimelineSignature {

    private static final int TEXT_LENGTH = 200;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** Latin-1 Supplement and Latin Extended-A: every letter of French, and of most names in the notes. */
    private static final char LATIN_END = 0x180;
    private static final char[] LATIN_FOLDED = latinFolded();

    private TimelineSignature() {
    }

    /**
     * @return "2025-11-21|accord 442 hz. 21°, 36%…" : the date (empty when null), '|', then the first 200 characters
     *     of the folded description (empty when null)
     */
    public static String of(LocalDate occurredDate, String description) {
        String date = occurredDate == null ? "" : occurredDate.toString();
        return date + '|' + firstCodePoints(fold(description), TEXT_LENGTH);
    }

    /** Lower case, accents removed, runs of whitespace made one space, ends trimmed; "" for null. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String lower = text.toLowerCase(Locale.ROOT);
        // French notes only hold Latin letters: folded a character at a time from a table made by the same
        // decomposition, the nightly folds its hundreds of thousands of them without the Normalizer.
        String unaccented = isLatin(lower) ? withoutLatinAccents(lower) : withoutAccents(lower);
        return collapseSpaces(unaccented).strip();
    }

    private static boolean isLatin(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= LATIN_END) {
                return false;
            }
        }
        return true;
    }

    private static String withoutLatinAccents(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char folded = c < 0x80 ? c : LATIN_FOLDED[c];
            if (folded != c && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(folded);
            }
        }
        return out == null ? text : out.toString();
    }

    /** Each character below U+0180 without its accents, as the full decomposition gives it (a single character). */
    private static char[] latinFolded() {
        char[] table = new char[LATIN_END];
        for (char c = 0; c < LATIN_END; c++) {
            String folded = withoutAccents(String.valueOf(c));
            table[c] = folded.length() == 1 ? folded.charAt(0) : c;
        }
        return table;
    }

    private static String withoutAccents(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String withoutMarks = MARKS.matcher(decomposed).replaceAll("");
        // Recompose so that characters outside Latin accents (° for one) keep their usual single form.
        return Normalizer.normalize(withoutMarks, Normalizer.Form.NFC);
    }

    /** Every run of spaces, tabs, line breaks and no-break spaces becomes one space. */
    private static String collapseSpaces(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inRun = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                if (!inRun) {
                    out.append(' ');
                    inRun = true;
                }
            } else {
                out.append(c);
                inRun = false;
            }
        }
        return out.toString();
    }

    // Java's \s (without UNICODE_CHARACTER_CLASS) and the three no-break spaces French text uses.
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r'
                || c == '\u00A0' || c == '\u2007' || c == '\u202F';
    }

    // Counting code points keeps an emoji whole at the cut.
    private static String firstCodePoints(String text, int count) {
        if (text.codePointCount(0, text.length()) <= count) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, count));
    }
}
