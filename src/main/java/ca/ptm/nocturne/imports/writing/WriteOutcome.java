package ca.ptm.nocturne.imports.writing;

/** Whether a record landed, or was recognised as a row the database already holds. */
public record WriteOutcome(boolean duplicate, String message) {

    public static final WriteOutcome WRITTEN = new WriteOutcome(false, null);

    public static WriteOutcome duplicateOf(String message) {
        return new WriteOutcome(true, message);
    }
}
