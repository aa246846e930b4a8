package ca.ptm.nocturne.imports.parsing;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Collection;
import java.util.Objects;

/**
 * The span of the complete dates seen in one file. A file is an export of one period, so its own
 * complete dates tell which year a "5 décembre" on another row most likely belongs to. Both bounds
 * are null when the file had no complete date.
 */
public record FileDateContext(LocalDate min, LocalDate max) {

    /** How far outside the file's span a yearless date may still fall. */
    private static final int MARGIN_DAYS = 31;

    private static final FileDateContext EMPTY = new FileDateContext(null, null);

    public FileDateContext {
        if ((min == null) != (max == null)) {
            throw new IllegalArgumentException("min and max must both be set or both be null");
        }
        if (min != null && min.isAfter(max)) {
            throw new IllegalArgumentException("min " + min + " is after max " + max);
        }
    }

    public static FileDateContext empty() {
        return EMPTY;
    }

    /** The span of the given dates, nulls ignored; empty when there is none. */
    public static FileDateContext of(Collection<LocalDate> dates) {
        FileDateContext context = EMPTY;
        if (dates != null) {
            for (LocalDate date : dates) {
                context = context.including(date);
            }
        }
        return context;
    }

    /** This span widened to include the date, so a file can be scanned row by row. */
    public FileDateContext including(LocalDate date) {
        if (date == null) {
            return this;
        }
        if (isEmpty()) {
            return new FileDateContext(date, date);
        }
        if (!date.isBefore(min) && !date.isAfter(max)) {
            return this;
        }
        return new FileDateContext(date.isBefore(min) ? date : min, date.isAfter(max) ? date : max);
    }

    public boolean isEmpty() {
        return min == null;
    }

    /**
     * The only date with that day and month within the span widened by a month on each side, or
     * null when there is none or several (a span longer than a year says nothing).
     */
    LocalDate uniqueDateFor(MonthDay monthDay) {
        Objects.requireNonNull(monthDay, "monthDay");
        if (isEmpty()) {
            return null;
        }
        LocalDate from = min.minusDays(MARGIN_DAYS);
        LocalDate to = max.plusDays(MARGIN_DAYS);
        LocalDate found = null;
        for (int year = min.getYear() - 1; year <= max.getYear() + 1; year++) {
            if (!monthDay.isValidYear(year)) {
                continue;
            }
            LocalDate candidate = monthDay.atYear(year);
            if (!candidate.isBefore(from) && !candidate.isAfter(to)) {
                if (found != null) {
                    return null;
                }
                found = candidate;
            }
        }
        return found;
    }
}
