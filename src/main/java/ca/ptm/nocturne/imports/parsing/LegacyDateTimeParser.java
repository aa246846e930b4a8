package ca.ptm.nocturne.imports.parsing;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the timestamps of the exports (creation and modification columns), which are ISO-like
 * with a 'T' or a space, optional seconds and fraction, and sometimes a zone: "Z", "UTC" or an
 * offset. A date alone means midnight.
 */
public final class LegacyDateTimeParser {

    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})"
                    + "(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?"
                    + "(?:\\s*(Z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?))?");

    private LegacyDateTimeParser() {
    }

    /**
     * Parses a timestamp without zone.
     *
     * @return the date-time, or null for a blank cell
     * @throws ValueParseException BAD_DATE for anything else, including a text with a zone: silently
     *     dropping the zone would shift the time
     */
    public static LocalDateTime parseLocal(String text) {
        if (TextNormalizer.isBlank(text)) {
            return null;
        }
        Matcher m = match(text);
        if (m.group(8) != null) {
            throw bad(text);
        }
        return localDateTime(m, text);
    }

    /**
     * Parses a timestamp with or without zone; a text without zone is read in {@code zoneForLocal}.
     *
     * @return the instant, or null for a blank cell
     * @throws ValueParseException BAD_DATE when the text is not a timestamp
     */
    public static Instant parseInstant(String text, ZoneId zoneForLocal) {
        Objects.requireNonNull(zoneForLocal, "zoneForLocal");
        if (TextNormalizer.isBlank(text)) {
            return null;
        }
        Matcher m = match(text);
        LocalDateTime local = localDateTime(m, text);
        String zone = m.group(8);
        if (zone == null) {
            return local.atZone(zoneForLocal).toInstant();
        }
        if (zone.equals("Z") || zone.equals("UTC") || zone.equals("GMT")) {
            return local.toInstant(ZoneOffset.UTC);
        }
        try {
            return local.toInstant(ZoneOffset.of(zone));
        } catch (DateTimeException e) {
            throw bad(text);
        }
    }

    private static Matcher match(String text) {
        Matcher m = DATE_TIME.matcher(TextNormalizer.strip(text));
        if (!m.matches()) {
            throw bad(text);
        }
        return m;
    }

    private static LocalDateTime localDateTime(Matcher m, String text) {
        try {
            return LocalDateTime.of(
                    number(m, 1), number(m, 2), number(m, 3),
                    number(m, 4), number(m, 5), number(m, 6), nanos(m.group(7)));
        } catch (DateTimeException e) {
            throw bad(text);
        }
    }

    private static int number(Matcher m, int group) {
        String digits = m.group(group);
        return digits == null ? 0 : Integer.parseInt(digits);
    }

    /** ".5" is half a second: pad the fraction to nine digits before reading it. */
    private static int nanos(String fraction) {
        if (fraction == null) {
            return 0;
        }
        return Integer.parseInt(fraction) * (int) Math.pow(10, 9 - fraction.length());
    }

    private static ValueParseException bad(String text) {
        return ValueParseException.of(RejectCode.BAD_DATE, TextNormalizer.strip(text));
    }
}
