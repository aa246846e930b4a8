package ca.ptm.nocturne.gazelle.mapping;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Entry types of the timeline. The CSV export writes short English labels ("Service", "Email") where the API gives
 * Gazelle's enum; an unknown label or type is kept as it comes (with a warning from the caller), never turned into
 * NOTE: turning types into NOTE lost information in the previous system.
 */
public final class TimelineTypes {

    /**
     * Gazelle's TimelineEntryType. DOMAIN.md says 28 and abbreviates the contact types as automated/manual variants;
     * this is the list of the schema introspection of 2026-04-12 (the previous system's CHECK constraint), where the
     * manual phone contact comes in two kinds (TALKED, MESSAGE) and CONTACT_OTHER_MANUAL exists.
     */
    public static final Set<String> GAZELLE_TYPES = Set.of(
            "CONTACT_EMAIL_AUTOMATED", "CONTACT_EMAIL_MANUAL",
            "CONTACT_SMS_AUTOMATED", "CONTACT_SMS_MANUAL",
            "CONTACT_PHONE_AUTOMATED", "CONTACT_PHONE_MANUAL_TALKED", "CONTACT_PHONE_MANUAL_MESSAGE",
            "CONTACT_POST_AUTOMATED", "CONTACT_POST_MANUAL",
            "CONTACT_OTHER_MANUAL",
            "ERROR_MESSAGE", "SYSTEM_MESSAGE", "SYSTEM_NOTIFICATION",
            "USER_COMMENT",
            "SERVICE_ENTRY_AUTOMATED", "SERVICE_ENTRY_MANUAL",
            "APPOINTMENT", "APPOINTMENT_LOG", "APPOINTMENT_COMPLETION",
            "INVOICE", "INVOICE_LOG", "INVOICE_PAYMENT", "INVOICE_SYNC",
            "PIANO_MEASUREMENT",
            "SCHEDULED_MESSAGE_EMAIL", "SCHEDULED_MESSAGE_SMS", "SCHEDULED_MESSAGE_PHONE",
            "ESTIMATE", "ESTIMATE_LOG");

    /**
     * Types found in old rows (NOTE, CONTACT_EMAIL) and the channel-only types the CSV labels give (the export does not
     * say whether a contact was automated or manual).
     */
    public static final Set<String> LEGACY_TYPES = Set.of("NOTE", "CONTACT_EMAIL", "CONTACT_SMS", "CONTACT_PHONE");

    private static final Map<String, String> BY_LABEL = Map.ofEntries(
            Map.entry("service", "SERVICE_ENTRY_MANUAL"),
            Map.entry("measurement", "PIANO_MEASUREMENT"),
            Map.entry("email", "CONTACT_EMAIL"),
            Map.entry("note", "USER_COMMENT"),
            Map.entry("comment", "USER_COMMENT"),
            Map.entry("appointment", "APPOINTMENT"),
            Map.entry("invoice", "INVOICE"),
            Map.entry("estimate", "ESTIMATE"),
            Map.entry("sms", "CONTACT_SMS"),
            Map.entry("phone", "CONTACT_PHONE"),
            Map.entry("system", "SYSTEM_MESSAGE"));

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private TimelineTypes() {
    }

    /**
     * @return the Gazelle type of a CSV "Type" label (case-insensitive); an unknown label upper-cased with its spaces
     *     made underscores ("Piano Rental" → "PIANO_RENTAL"); null for null or blank
     */
    public static String fromLabel(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String known = BY_LABEL.get(label.strip().toLowerCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        return SPACES.matcher(label.strip()).replaceAll("_").toUpperCase(Locale.ROOT);
    }

    /** True when the CSV label is one of the mapped ones. */
    public static boolean isKnown(String label) {
        return label != null && BY_LABEL.containsKey(label.strip().toLowerCase(Locale.ROOT));
    }

    /** True for a Gazelle type or a legacy type; anything else is stored too, but deserves a warning. */
    public static boolean isKnownType(String entryType) {
        return entryType != null && (GAZELLE_TYPES.contains(entryType) || LEGACY_TYPES.contains(entryType));
    }
}
