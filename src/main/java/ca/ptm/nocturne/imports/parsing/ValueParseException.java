package ca.ptm.nocturne.imports.parsing;

import java.util.Objects;

/**
 * A cell or file that cannot be turned into a value. The message is French and meant for the
 * office staff; {@link #code()} is meant for the import report.
 */
public final class ValueParseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** French typography: no-break space before the colon and inside the guillemets. */
    private static final char NBSP = '\u00A0';

    /** Long cells (a whole comment pasted in a date column) would drown the message. */
    private static final int MAX_QUOTED_LENGTH = 60;

    private final RejectCode rejectCode;

    public ValueParseException(RejectCode rejectCode, String message) {
        super(message);
        this.rejectCode = Objects.requireNonNull(rejectCode, "rejectCode");
    }

    /** "Date illisible : « 31/02/2026 »" — the code's label followed by the quoted value. */
    public static ValueParseException of(RejectCode rejectCode, String value) {
        return of(rejectCode, rejectCode.label(), value);
    }

    /** Like {@link #of(RejectCode, String)} with a more precise lead, e.g. "Heure invalide". */
    public static ValueParseException of(RejectCode rejectCode, String lead, String value) {
        return new ValueParseException(rejectCode, lead + NBSP + ": " + quote(value));
    }

    public RejectCode rejectCode() {
        return rejectCode;
    }

    /** The reject code's name, e.g. "BAD_DATE". */
    public String code() {
        return rejectCode.name();
    }

    /** Wraps a value in French guillemets, shortening it so one bad cell stays one line. */
    static String quote(String value) {
        String shown = String.valueOf(value);
        if (shown.length() > MAX_QUOTED_LENGTH) {
            shown = shown.substring(0, MAX_QUOTED_LENGTH) + "…";
        }
        return "«" + NBSP + shown + NBSP + "»";
    }
}
