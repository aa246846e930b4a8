package ca.ptm.nocturne.imports.parsing;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * A date as found in a legacy cell: either complete, or a day and month whose year must be
 * inferred later ("5 décembre"). Exactly one of the two components is non-null.
 */
public record LegacyDate(LocalDate date, MonthDay monthDay) {

    public LegacyDate {
        if ((date == null) == (monthDay == null)) {
            throw new IllegalArgumentException("exactly one of date and monthDay must be set");
        }
    }

    public static LegacyDate full(LocalDate date) {
        return new LegacyDate(date, null);
    }

    public static LegacyDate yearless(MonthDay monthDay) {
        return new LegacyDate(null, monthDay);
    }

    public boolean hasYear() {
        return date != null;
    }

    /**
     * Places a yearless date in the given year.
     *
     * @throws ValueParseException BAD_DATE for 29 February in a non-leap year
     * @throws IllegalStateException if this date already has a year
     */
    public LocalDate withYear(int year) {
        if (hasYear()) {
            throw new IllegalStateException("date already has a year: " + date);
        }
        if (!monthDay.isValidYear(year)) {
            // MonthDay.atYear would silently move it to the 28th.
            throw new ValueParseException(RejectCode.BAD_DATE,
                    "Date invalide\u00A0: le " + frenchText() + " n'existe pas en " + year);
        }
        return monthDay.atYear(year);
    }

    /** "5 décembre", "1er mars", or the ISO date: how the value is named in messages. */
    String frenchText() {
        if (hasYear()) {
            return date.toString();
        }
        int day = monthDay.getDayOfMonth();
        return (day == 1 ? "1er" : String.valueOf(day)) + " " + MonthNames.french(monthDay.getMonth());
    }
}
