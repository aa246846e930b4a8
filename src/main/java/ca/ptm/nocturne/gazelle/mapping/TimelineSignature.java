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
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");

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
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        String withoutAccents = MARKS.matcher(decomposed).replaceAll("");
        // Recompose so that characters outside Latin accents (° for one) keep their usual single form.
        String composed = Normalizer.normalize(withoutAccents, Normalizer.Form.NFC);
        return SPACES.matcher(composed).replaceAll(" ").strip();
    }

    // Counting code points keeps an emoji whole at the cut.
    private static String firstCodePoints(String text, int count) {
        if (text.codePointCount(0, text.length()) <= count) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, count));
    }
}
