package ca.ptm.nocturne.imports.parsing;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;

/**
 * Gives a year to the yearless dates of a row ("5 décembre"), following the business policy and
 * never today's date: an import must give the same result whenever it is run.
 *
 * <ol>
 *   <li>A complete date on the same row wins: the appointment comes on or after the request, at
 *       most 365 days later.</li>
 *   <li>Otherwise the span of the complete dates of the file ({@link FileDateContext}).</li>
 *   <li>Otherwise the season year given on the command line.</li>
 *   <li>Otherwise the row is rejected with AMBIGUOUS_YEAR.</li>
 * </ol>
 *
 * When both dates are yearless the appointment is resolved first (rules 2–4), then the request by
 * rule 1 relative to it. A request after its appointment is not rejected here: the caller decides.
 */
public final class YearResolver {

    private static final int MAX_DAYS_BETWEEN = 365;

    /** The complete dates of a row; a field is null when its input was null. */
    public record ResolvedDates(LocalDate requestDate, LocalDate appointmentDate) {
    }

    private YearResolver() {
    }

    /**
     * @param request the request date of the row, may be null
     * @param appointment the appointment date of the row, may be null
     * @param fileContext the complete dates of the file, may be null (no information)
     * @param seasonYear the --year parameter, may be null
     * @throws ValueParseException AMBIGUOUS_YEAR when no rule gives a year, BAD_DATE for a 29 February
     *     placed in a non-leap season year
     */
    public static ResolvedDates resolve(LegacyDate request, LegacyDate appointment,
            FileDateContext fileContext, Integer seasonYear) {
        FileDateContext context = fileContext == null ? FileDateContext.empty() : fileContext;
        LocalDate requestDate = request != null && request.hasYear() ? request.date() : null;
        LocalDate appointmentDate = appointment != null && appointment.hasYear() ? appointment.date() : null;

        if (appointment != null && appointmentDate == null) {
            appointmentDate = requestDate != null
                    ? nearestYear(appointment, requestDate, true)
                    : withoutRowAnchor(appointment, context, seasonYear);
        }
        if (request != null && requestDate == null) {
            requestDate = appointmentDate != null
                    ? nearestYear(request, appointmentDate, false)
                    : withoutRowAnchor(request, context, seasonYear);
        }
        return new ResolvedDates(requestDate, appointmentDate);
    }

    /**
     * Rule 1. When two years fit (the two dates exactly 365 days apart), the nearest one is taken:
     * a same-day booking is far likelier than one made exactly a year ahead.
     */
    private static LocalDate nearestYear(LegacyDate yearless, LocalDate anchor, boolean isAfterAnchor) {
        MonthDay monthDay = yearless.monthDay();
        LocalDate best = null;
        long bestDays = Long.MAX_VALUE;
        for (int year = anchor.getYear() - 1; year <= anchor.getYear() + 1; year++) {
            if (!monthDay.isValidYear(year)) {
                continue;
            }
            LocalDate candidate = monthDay.atYear(year);
            long days = isAfterAnchor
                    ? ChronoUnit.DAYS.between(anchor, candidate)
                    : ChronoUnit.DAYS.between(candidate, anchor);
            if (days >= 0 && days <= MAX_DAYS_BETWEEN && days < bestDays) {
                best = candidate;
                bestDays = days;
            }
        }
        if (best == null) {
            throw new ValueParseException(RejectCode.AMBIGUOUS_YEAR, "Année introuvable pour "
                    + ValueParseException.quote(yearless.frenchText())
                    + "\u00A0: aucune année ne concorde avec l'autre date de la ligne ("
                    + anchor + ")");
        }
        return best;
    }

    /** Rules 2, 3 and 4. */
    private static LocalDate withoutRowAnchor(LegacyDate yearless, FileDateContext context, Integer seasonYear) {
        LocalDate fromFile = context.uniqueDateFor(yearless.monthDay());
        if (fromFile != null) {
            return fromFile;
        }
        if (seasonYear != null) {
            return yearless.withYear(seasonYear);
        }
        throw new ValueParseException(RejectCode.AMBIGUOUS_YEAR, "Année introuvable pour "
                + ValueParseException.quote(yearless.frenchText())
                + "\u00A0: ajoutez l'année ou le paramètre --year");
    }
}
