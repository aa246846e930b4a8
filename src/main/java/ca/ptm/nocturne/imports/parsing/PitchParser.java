package ca.ptm.nocturne.imports.parsing;

/**
 * Parses the tuning pitch (diapason) of A4 in hertz. Technicians write "442", "442 Hz" or "A442";
 * only the digits matter. Concert practice in Montréal stays within 440–443 Hz, so anything else
 * is a typo worth stopping on.
 */
public final class PitchParser {

    private static final int MIN_HZ = 440;
    private static final int MAX_HZ = 443;
    /** More digits than this cannot be a valid pitch, and would overflow an int. */
    private static final int MAX_DIGITS = 3;

    private PitchParser() {
    }

    /**
     * @return the pitch in hertz, or null for a blank cell
     * @throws ValueParseException BAD_VALUE when there are no digits or the pitch is out of range
     */
    public static Integer parse(String text) {
        if (TextNormalizer.isBlank(text)) {
            return null;
        }
        int value = 0;
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                digits++;
            }
        }
        if (digits == 0 || digits > MAX_DIGITS || value < MIN_HZ || value > MAX_HZ) {
            throw ValueParseException.of(RejectCode.BAD_VALUE, "Diapason invalide", TextNormalizer.strip(text));
        }
        return value;
    }
}
