package ca.ptm.nocturne.imports.parsing;

import java.time.LocalTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts the canonical time of a request from the free-text "heure" column: the FIRST clock
 * time found wins, so "avant 10h" gives 10:00 and "entre 8h et 9h" gives 08:00. Accepts the
 * French "14h30" / "14 h 30" / "14h", the colon "14:30" and the English "7pm" / "7:30 p.m.".
 * A bare number ("14") is not a time: too often it is a room or a quantity.
 */
public final class ClockTimeParser {

    private static final String LEAD = "Heure invalide";

    /**
     * Group 1: hour; 2: the French "h" marker; 3: minutes after "h"; 4: minutes after ':';
     * 5: 'a' or 'p' of am/pm. The look-behind keeps "05" of "2025-12-05" or "12/05" out.
     */
    private static final Pattern CLOCK_TIME = Pattern.compile(
            "(?<![\\d:.,/])(\\d{1,2})(?!\\d)"
                    + "(?:\\s*(h|heures?)(?![a-z])\\s*(\\d+)?|:(\\d{2})(?::\\d{2})?(?!\\d))?"
                    + "(?:\\s*([ap])\\.?m\\.?(?![a-z]))?");

    private ClockTimeParser() {
    }

    /**
     * @return the first clock time of the text, or null when there is none ("à confirmer", "matin")
     * @throws ValueParseException BAD_VALUE for a clock time that cannot exist ("25h", "14h75"),
     *     or a lone "h"
     */
    public static LocalTime parse(String text) {
        if (TextNormalizer.isBlank(text)) {
            return null;
        }
        String s = TextNormalizer.strip(text).toLowerCase(Locale.ROOT);
        if (s.equals("h")) {
            // Someone typed the unit but not the hour: a mistake, not an absence of time.
            throw ValueParseException.of(RejectCode.BAD_VALUE, LEAD, TextNormalizer.strip(text));
        }
        Matcher m = CLOCK_TIME.matcher(s);
        while (m.find()) {
            boolean french = m.group(2) != null;
            boolean colon = m.group(4) != null;
            boolean meridiem = m.group(5) != null;
            if (french || colon || meridiem) {
                return toTime(m, text);
            }
        }
        return null;
    }

    private static LocalTime toTime(Matcher m, String text) {
        int hour = Integer.parseInt(m.group(1));
        String minuteDigits = m.group(3) != null ? m.group(3) : m.group(4);
        if (minuteDigits != null && minuteDigits.length() != 2) {
            throw invalid(text);
        }
        int minute = minuteDigits == null ? 0 : Integer.parseInt(minuteDigits);
        if (m.group(5) != null) {
            if (hour < 1 || hour > 12) {
                throw invalid(text);
            }
            hour = hour % 12 + (m.group(5).equals("p") ? 12 : 0);
        }
        if (hour > 23 || minute > 59) {
            throw invalid(text);
        }
        return LocalTime.of(hour, minute);
    }

    private static ValueParseException invalid(String text) {
        return ValueParseException.of(RejectCode.BAD_VALUE, LEAD, TextNormalizer.strip(text));
    }
}
