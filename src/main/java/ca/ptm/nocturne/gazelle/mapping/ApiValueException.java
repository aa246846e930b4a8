package ca.ptm.nocturne.gazelle.mapping;

/**
 * A Gazelle node that cannot become a record (missing id, unreadable date, text where a number is expected). The
 * caller rejects that node alone, with the field and value, and keeps the rest of the page.
 */
public class ApiValueException extends RuntimeException {

    private final String field;
    private final String value;

    /**
     * @param field   the node path, e.g. "defaultContact.defaultEmail.email"
     * @param value   the raw value as JSON text, null when absent
     * @param message French, for the admin
     */
    public ApiValueException(String field, String value, String message) {
        super(message);
        this.field = field;
        this.value = value;
    }

    public String field() {
        return field;
    }

    public String value() {
        return value;
    }
}
