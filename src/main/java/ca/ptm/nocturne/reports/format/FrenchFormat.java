package ca.ptm.nocturne.reports.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The fr-CA spellings of the reports, done here rather than by Jasper patterns so the PDF and the CSV show the very
 * same text. Thousands are separated by U+00A0 (DejaVu has the glyph, and a line never breaks inside an amount);
 * negatives use U+2212 so a CSV cell never starts with '-' (which the formula guard would have to defuse).
 */
public final class FrenchFormat {

    public static final Locale LOCALE = Locale.CANADA_FRENCH;
    public static final char NBSP = '\u00A0';
    public static final char MINUS = '\u2212';

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", LOCALE);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", LOCALE);

    private FrenchFormat() {
    }

    /** 1234.5 → "1 234,50 $" (no-break spaces). */
    public static String money(BigDecimal amount) {
        return amount == null ? "" : decimal(amount.setScale(2, RoundingMode.HALF_UP), "#,##0.00") + NBSP + "$";
    }

    /** 24.5 → "24,5"; 25 → "25"; null → "". */
    public static String number(BigDecimal value) {
        return value == null ? "" : decimal(value, "#,##0.##");
    }

    public static String number(long value) {
        return decimal(BigDecimal.valueOf(value), "#,##0");
    }

    /** 2025-12-05 → "5 décembre 2025". */
    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** 14:30 → "14 h 30", 10:00 → "10 h" (the OQLF spelling). */
    public static String time(LocalTime time) {
        if (time == null) {
            return "";
        }
        return time.getMinute() == 0 ? time.getHour() + " h" : time.getHour() + " h " + String.format("%02d", time.getMinute());
    }

    /** "24 novembre 2026 à 14 h 30". */
    public static String dateTime(ZonedDateTime at) {
        return date(at.toLocalDate()) + " à " + time(at.toLocalTime().withSecond(0).withNano(0));
    }

    /** "novembre 2026". */
    public static String month(YearMonth month) {
        return MONTH.format(month);
    }

    public static String yesNo(boolean value) {
        return value ? "oui" : "non";
    }

    private static String decimal(BigDecimal value, String pattern) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(LOCALE);
        symbols.setGroupingSeparator(NBSP);
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign(MINUS);
        DecimalFormat format = new DecimalFormat(pattern, symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }
}
