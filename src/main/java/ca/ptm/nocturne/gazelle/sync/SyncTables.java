package ca.ptm.nocturne.gazelle.sync;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The column contract with the dashboard's tables (DOMAIN.md, "Target tables"). Optional columns are those
 * production does not always have; everything else must exist or the sync refuses to start.
 */
public final class SyncTables {

    private static final Map<GazelleEntity, SyncTable> TABLES = new EnumMap<>(GazelleEntity.class);

    static {
        add(new SyncTable(GazelleEntity.USER, Set.of("first_name", "last_name", "email", "status", "gazelle_updated_at"),
                Set.of(), Map.of(), false));
        add(new SyncTable(GazelleEntity.CLIENT,
                Set.of("company_name", "first_name", "last_name", "status", "email", "phone", "city", "postal_code",
                        "personal_notes", "preference_notes", "locale", "tags", "created_at", "gazelle_updated_at"),
                Set.of("preferred_technician_id", "client_type", "lifecycle_state", "referred_by", "no_contact_until",
                        "no_contact_reason", "wants_email", "wants_phone", "wants_text", "mobile_phone"),
                Map.of("tags", ColumnPolicy.UNION_TAGS), true));
        add(new SyncTable(GazelleEntity.CONTACT,
                Set.of("client_external_id", "first_name", "last_name", "email", "phone", "is_default", "gazelle_updated_at"),
                Set.of("created_at"), Map.of(), true));
        add(new SyncTable(GazelleEntity.PIANO,
                Set.of("client_external_id", "make", "model", "serial_number", "type", "year", "location", "notes",
                        "dampp_chaser_installed", "dampp_chaser_humidistat_model", "dampp_chaser_mfg_date", "status", "tags",
                        "service_interval_months", "last_service_on", "next_service_on", "serial_normalized",
                        "gazelle_updated_at"),
                Set.of(), Map.of("dampp_chaser_installed", ColumnPolicy.KEEP_TRUE), true));
        add(new SyncTable(GazelleEntity.APPOINTMENT,
                Set.of("client_external_id", "piano_external_id", "title", "description", "appointment_date",
                        "appointment_time", "start_datetime", "duration_minutes", "status", "technicien", "notes",
                        "travel_mode", "event_type", "is_all_day", "gazelle_updated_at", "cancelled_detected_at"),
                Set.of("confirmed_by_client", "location", "created_at"),
                Map.of("title", ColumnPolicy.KEEP_WHEN_EMPTY, "description", ColumnPolicy.KEEP_WHEN_EMPTY), true));
        add(new SyncTable(GazelleEntity.APPOINTMENT_PIANO, Set.of("appointment_external_id", "piano_external_id"),
                Set.of(), Map.of(), false));
        add(new SyncTable(GazelleEntity.TIMELINE_ENTRY,
                Set.of("client_id", "piano_id", "invoice_id", "estimate_id", "user_id", "occurred_at", "entry_type", "title",
                        "description", "metadata", "occurred_date", "origin", "content_signature", "temperature_c",
                        "humidity_pct", "pitch_hz"),
                Set.of("gazelle_updated_at"),
                Map.of("title", ColumnPolicy.KEEP_WHEN_EMPTY, "description", ColumnPolicy.KEEP_WHEN_EMPTY), false));
        add(new SyncTable(GazelleEntity.INVOICE,
                Set.of("client_id", "invoice_number", "invoice_date", "status", "sub_total", "total", "notes", "due_on",
                        "assigned_to", "created_at", "gazelle_updated_at"),
                Set.of(), Map.of(), false));
        add(new SyncTable(GazelleEntity.INVOICE_ITEM,
                Set.of("invoice_external_id", "description", "item_type", "quantity", "amount", "sub_total", "tax_total",
                        "total", "billable", "taxable", "sequence_number"),
                Set.of("gazelle_updated_at"), Map.of(), false));
    }

    private SyncTables() {
    }

    private static void add(SyncTable table) {
        TABLES.put(table.entity(), table);
    }

    public static SyncTable of(GazelleEntity entity) {
        return TABLES.get(entity);
    }

    public static Iterable<SyncTable> all() {
        return TABLES.values();
    }
}
