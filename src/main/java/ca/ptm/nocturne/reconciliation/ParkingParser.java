package ca.ptm.nocturne.reconciliation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the parking amount a technician wrote in a service note: "stat 20", "stat. 12,50", "Stationnement 15,00",
 * "stationn. 9.75 $", "parking: 20$". The keyword must be a whole word ("thermostat 20" and "humidistat 35" are not
 * parking, DOMAIN.md failure mode 23) and be followed by the amount, with a comma or a dot as decimal separator. A
 * note counts once: the first amount found is the note's parking.
 */
public final class ParkingParser {

    /*
     * keyword: "stationnement" and its abbreviations ("stationn", "stationn.", "stationnmt"), "stat" or "stat.",
     * "parking"; not glued to a letter or digit on the left and not followed by a letter, so "thermostat", "statut"
     * and "station" fail ("stationnaire" is excluded by name). Then an optional ":", "=", "-" or "de", an optional
     * "$", and the amount, which must not run on into more digits ("12,505" is no amount).
     */
    private static final Pattern PARKING = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:stationn(?!aire)\\p{L}*\\.?|stat\\.?|parking)(?!\\p{L})"
                    + "\\s*(?:[:=\\-–]\\s*)?(?:de\\s+)?(?:\\$\\s*)?"
                    + "(\\d{1,4}(?:[.,]\\d{1,2})?)(?![\\d.,]?\\d)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private ParkingParser() {
    }

    /** The parking amount of a note, two decimals; empty when the note mentions none (or no amount). */
    public static Optional<BigDecimal> parse(String note) {
        if (note == null || note.isBlank()) {
            return Optional.empty();
        }
        Matcher matcher = PARKING.matcher(note);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(matcher.group(1).replace(',', '.')).setScale(2, RoundingMode.UNNECESSARY));
    }
}
