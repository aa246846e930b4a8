package ca.ptm.nocturne.imports.parsing;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Reads a number written with either French or English separators. The grouping must be regular
 * (groups of exactly three digits after the first), otherwise "1 2" or "12,5,0" would be read as
 * something nobody meant.
 */
final class DecimalText {

    private static final String SPACE = "[ \\u00A0\\u202F\\u2009]";

    private static final Pattern PLAIN = Pattern.compile("-?\\d+(?:[.,]\\d+)?");
    private static final Pattern SPACE_GROUPED =
            Pattern.compile("-?\\d{1,3}(?:" + SPACE + "\\d{3})+(?:[.,]\\d+)?");
    private static final Pattern COMMA_GROUPED = Pattern.compile("-?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?");
    private static final Pattern DOT_GROUPED = Pattern.compile("-?\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?");

    private DecimalText() {
    }

    /**
     * @param s a stripped, non-blank text
     * @return the number, or null when the text is not a number or is ambiguous: a lone separator
     *     followed by exactly three digits after a possible thousands group ("1,175", "1.175")
     */
    static BigDecimal parse(String s) {
        if (PLAIN.matcher(s).matches()) {
            return isAmbiguousGrouping(s) ? null : new BigDecimal(s.replace(',', '.'));
        }
        if (SPACE_GROUPED.matcher(s).matches()) {
            return new BigDecimal(withoutGrouping(s, ' ').replace(',', '.'));
        }
        if (COMMA_GROUPED.matcher(s).matches()) {
            return new BigDecimal(withoutGrouping(s, ','));
        }
        if (DOT_GROUPED.matcher(s).matches()) {
            return new BigDecimal(withoutGrouping(s, '.').replace(',', '.'));
        }
        return null;
    }

    private static boolean isAmbiguousGrouping(String s) {
        int separator = Math.max(s.indexOf(','), s.indexOf('.'));
        if (separator < 0 || s.length() - separator - 1 != 3) {
            return false;
        }
        int integerStart = s.startsWith("-") ? 1 : 0;
        int integerDigits = separator - integerStart;
        // "0,250" or "1234,567" cannot be a thousands grouping, so only the decimal reading is left.
        return integerDigits <= 3 && s.charAt(integerStart) != '0';
    }

    /** Drops the grouping separator; ' ' stands for every kind of space. */
    private static String withoutGrouping(String s, char grouping) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean isGrouping = grouping == ' ' ? TextNormalizer.isSpace(c) : c == grouping;
            if (!isGrouping) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
