package ca.ptm.nocturne.gazelle;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An appointment's status as Gazelle spells it (schema enum {@code EventStatus}: ACTIVE, CANCELED with one L,
 * NO_SHOW, COMPLETE). gazelle_appointments stores these spellings whatever the source: the CSV export and older rows
 * may say CANCELLED or COMPLETED, which {@link #of} reads as the same status.
 */
public enum EventStatus {
    ACTIVE("ACTIVE"),
    CANCELED("CANCELED", "CANCELLED"),
    NO_SHOW("NO_SHOW", "NOSHOW", "NO SHOW", "NO-SHOW"),
    COMPLETE("COMPLETE", "COMPLETED"),
    /** Empty, or a value Gazelle does not declare: kept as it came, never taken for one of the above. */
    UNKNOWN();

    private final List<String> spellings;

    EventStatus(String... spellings) {
        this.spellings = List.of(spellings);
    }

    public static EventStatus of(String text) {
        if (text == null || text.isBlank()) {
            return UNKNOWN;
        }
        String upper = text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.spellings.contains(upper)).findFirst().orElse(UNKNOWN);
    }

    /** The value to store: Gazelle's spelling for a known status, the text as it came otherwise. */
    public static String canonical(String text) {
        EventStatus status = of(text);
        return status == UNKNOWN ? text : status.name();
    }

    /** Cancelled, no-show or complete: Gazelle will not change it again on its own, and it is no longer a booking to keep. */
    public boolean isFinal() {
        return this == CANCELED || this == NO_SHOW || this == COMPLETE;
    }

    /** Every spelling of the final statuses, for SQL filters on stored rows (older rows may hold the long spellings). */
    public static List<String> finalSpellings() {
        return Arrays.stream(values()).filter(EventStatus::isFinal).flatMap(s -> s.spellings.stream()).toList();
    }
}
