package ca.ptm.nocturne.imports.parsing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the dates typed in the legacy exports. Numeric dates are always day-first (Québec
 * usage): "05/12/2025" is 5 December, never 12 May. A text without a year ("5 décembre") gives a
 * yearless {@link LegacyDate}; {@link YearResolver} decides the year. Two-digit years mean 20yy.
 * A time part, when present, is validated and dropped. A leading weekday ("lundi", "Sat,") is
 * ignored and not checked against the date: the old sheets often got it wrong.
 *
 * <p>This runs once per cell on files of a million rows, hence the hand-written fast path for ISO
 * dates and the precompiled patterns for everything else.
 */
public final class LegacyDateParser {

    /** Years outside this range are typos ("0205") rather than real service dates. */
    private static final int MIN_YEAR = 1900;
    private static final int MAX_YEAR = 2100;

    private static final String TIME =
            "(?:[01]?\\d|2[0-3])[:h][0-5]\\d(?::[0-5]\\d(?:[.,]\\d{1,9})?)?";
    private static final String ZONE = "(?:\\s*(?:Z|UTC|[+-]\\d{2}(?::?\\d{2})?))?";

    /** What may follow an ISO date: "T14:00", " 14:00:00.123", "T14:00:00Z". */
    private static final Pattern ISO_TIME_SUFFIX = Pattern.compile("[T ]" + TIME + ZONE);
    private static final Pattern YEAR_FIRST = Pattern.compile(
            "(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?:[T ]" + TIME + ZONE + ")?");
    private static final Pattern DAY_FIRST = Pattern.compile(
            "(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4}|\\d{2})(?:\\s+" + TIME + ")?");

    // The patterns below run on folded text: lower case, no accents, hyphens turned into spaces.
    private static final Pattern DAY_MONTH = Pattern.compile(
            "(\\d{1,2})(?:er|st|nd|rd|th)?\\s*([a-z]+)\\.?(?:,?\\s+(\\d{4}|\\d{2}))?");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "([a-z]+)\\.?\\s*(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})");
    private static final Pattern LEADING_WEEKDAY = Pattern.compile(
            "(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lun|mar|mer|jeu|ven|sam|dim"
                    + "|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
                    + "|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\\.?,?\\s+");

    private LegacyDateParser() {
    }

    /**
     * @return the date, or null for a blank cell
     * @throws ValueParseException BAD_DATE when the text is not a date or not a real calendar day
     */
    public static LegacyDate parse(String text) {
        if (TextNormalizer.isBlank(text)) {
            return null;
        }
        String s = TextNormalizer.strip(text);
        LegacyDate result = isIsoPrefix(s) ? parseIsoFast(s, text) : parseSlow(s, text);
        if (result == null) {
            throw ValueParseException.of(RejectCode.BAD_DATE, s);
        }
        return result;
    }

    private static boolean isIsoPrefix(String s) {
        return s.length() >= 10
                && isDigit(s, 0) && isDigit(s, 1) && isDigit(s, 2) && isDigit(s, 3)
                && s.charAt(4) == '-' && isDigit(s, 5) && isDigit(s, 6)
                && s.charAt(7) == '-' && isDigit(s, 8) && isDigit(s, 9);
    }

    private static LegacyDate parseIsoFast(String s, String original) {
        if (s.length() > 10 && !ISO_TIME_SUFFIX.matcher(s).region(10, s.length()).matches()) {
            return null;
        }
        return fullDate(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10), original);
    }

    private static LegacyDate parseSlow(String s, String original) {
        Matcher m = YEAR_FIRST.matcher(s);
        if (m.matches()) {
            return fullDate(number(m, 1), number(m, 3), number(m, 4), original);
        }
        m = DAY_FIRST.matcher(s);
        if (m.matches()) {
            return fullDate(year(m.group(4)), number(m, 3), number(m, 1), original);
        }
        String folded = TextNormalizer.fold(s);
        LegacyDate named = parseNamedMonth(folded, original);
        if (named != null) {
            return named;
        }
        // Tried only after a plain match fails, because "mar" is both Tuesday and March.
        m = LEADING_WEEKDAY.matcher(folded);
        return m.lookingAt() ? parseNamedMonth(folded.substring(m.end()), original) : null;
    }

    private static LegacyDate parseNamedMonth(String folded, String original) {
        Matcher m = DAY_MONTH.matcher(folded);
        if (m.matches()) {
            Month month = MonthNames.lookup(m.group(2));
            if (month == null) {
                return null;
            }
            int day = number(m, 1);
            return m.group(3) == null
                    ? yearlessDate(month, day, original)
                    : fullDate(year(m.group(3)), month.getValue(), day, original);
        }
        m = MONTH_DAY_YEAR.matcher(folded);
        if (m.matches()) {
            Month month = MonthNames.lookup(m.group(1));
            return month == null ? null : fullDate(number(m, 3), month.getValue(), number(m, 2), original);
        }
        return null;
    }

    private static LegacyDate fullDate(int year, int month, int day, String original) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw ValueParseException.of(RejectCode.BAD_DATE, TextNormalizer.strip(original));
        }
        try {
            return LegacyDate.full(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            throw ValueParseException.of(RejectCode.BAD_DATE, TextNormalizer.strip(original));
        }
    }

    private static LegacyDate yearlessDate(Month month, int day, String original) {
        try {
            return LegacyDate.yearless(MonthDay.of(month, day));
        } catch (DateTimeException e) {
            throw ValueParseException.of(RejectCode.BAD_DATE, TextNormalizer.strip(original));
        }
    }

    private static int year(String digits) {
        int year = Integer.parseInt(digits);
        return digits.length() == 2 ? 2000 + year : year;
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static boolean isDigit(String s, int index) {
        char c = s.charAt(index);
        return c >= '0' && c <= '9';
    }

    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (s.charAt(i) - '0');
        }
        return value;
    }
}
