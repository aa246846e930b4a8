package ca.ptm.nocturne.gazelle.mapping;

import java.util.Locale;
import java.util.regex.Pattern;

/** Serial numbers are typed by hand ("j0000001", "J 0000001"): the normalised form lets them be compared. */
public final class PianoSerials {

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u202F]+");

    private PianoSerials() {
    }

    /** @return upper case without any space; null for null or blank */
    public static String normalize(String serialNumber) {
        if (serialNumber == null || serialNumber.isBlank()) {
            return null;
        }
        return SPACES.matcher(serialNumber).replaceAll("").toUpperCase(Locale.ROOT);
    }
}
