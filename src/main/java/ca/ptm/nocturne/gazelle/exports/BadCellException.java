package ca.ptm.nocturne.gazelle.exports;

/** A cell that cannot be read; caught by the mapper of the row and turned into an invalid row. */
final class BadCellException extends RuntimeException {

    private final String field;
    private final String value;

    BadCellException(String field, String value, String message) {
        super(message, null, false, false);
        this.field = field;
        this.value = value;
    }

    ExportRowResult.Invalid invalid() {
        return new ExportRowResult.Invalid(field, value, getMessage());
    }
}
