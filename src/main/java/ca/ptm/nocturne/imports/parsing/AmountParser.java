package ca.ptm.nocturne.imports.parsing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses money and quantities written by hand in French or English: "1 175,00 $", "$175",
 * "1,175.00", "1.175,00", "-12,50".
 *
 * <p>Choices made to never guess wrong on money:
 * <ul>
 *   <li>A lone comma or dot followed by exactly three digits after one to three digits ("1,175",
 *       "1.175") could be a thousands separator or a decimal one; it is rejected as ambiguous.</li>
 *   <li>Amounts have at most two decimals ("9,505" is rejected).</li>
 *   <li>Accounting parentheses "(12,50)" are rejected rather than read as negative.</li>
 *   <li>Space grouping must be regular: "1 2" is rejected, "1 175" is 1175.</li>
 * </ul>
 */
public final class AmountParser {

    private static final int CENTS = 2;
    private static final String SPACE = "[\\s\\u00A0\\u202F\\u2009]*";

    private static final Pattern CURRENCY_PREFIX = Pattern.compile("(-?)" + SPACE + "\\$" + SPACE + "(.+)");
    private static final Pattern CURRENCY_SUFFIX =
            Pattern.compile("(.+?)" + SPACE + "\\$(?:" + SPACE + "(?i:ca|cad|can))?");

    private AmountParser() {
    }

    /**
     * @return the amount with scale 2, or null for a blank cell
     * @throws ValueParseException BAD_AMOUNT when the text is not an unambiguous amount
     */
    public static BigDecimal parse(String text) {
        if (TextNormalizer.isBlank(text)) {
            return null;
        }
        String s = TextNormalizer.strip(text);
        BigDecimal amount = DecimalText.parse(withoutCurrency(s));
        if (amount == null || amount.scale() > CENTS) {
            throw ValueParseException.of(RejectCode.BAD_AMOUNT, s);
        }
        return amount.setScale(CENTS, RoundingMode.HALF_UP);
    }

    /**
     * Parses a quantity: any number of decimals, no currency sign.
     *
     * @return the number as written (scale kept), or null for a blank cell
     * @throws ValueParseException BAD_NUMBER when the text is not an unambiguous number
     */
    public static BigDecimal parseDecimal(String text) {
        if (TextNormalizer.isBlank(text)) {
            return null;
        }
        String s = TextNormalizer.strip(text);
        BigDecimal number = DecimalText.parse(s);
        if (number == null) {
            throw ValueParseException.of(RejectCode.BAD_NUMBER, s);
        }
        return number;
    }

    /**
     * Parses a whole number; "1 000" is 1000, and "14,0" is accepted as 14 because spreadsheets
     * like to add a zero decimal.
     *
     * @return the integer, or null for a blank cell
     * @throws ValueParseException BAD_NUMBER for a fractional, ambiguous or out-of-range number
     */
    public static Integer parseInteger(String text) {
        BigDecimal number = parseDecimal(text);
        if (number == null) {
            return null;
        }
        try {
            return number.intValueExact();
        } catch (ArithmeticException e) {
            throw ValueParseException.of(RejectCode.BAD_NUMBER, TextNormalizer.strip(text));
        }
    }

    private static String withoutCurrency(String s) {
        Matcher m = CURRENCY_PREFIX.matcher(s);
        if (m.matches()) {
            return m.group(1) + m.group(2);
        }
        m = CURRENCY_SUFFIX.matcher(s);
        return m.matches() ? m.group(1) : s;
    }
}
