package ca.ptm.nocturne.gazelle.sync;

/** The Gazelle records Nocturne keeps in Supabase, each with the table the dashboard reads. */
public enum GazelleEntity {
    USER("gazelle_users"),
    CLIENT("gazelle_clients"),
    CONTACT("gazelle_contacts"),
    PIANO("gazelle_pianos"),
    APPOINTMENT("gazelle_appointments"),
    APPOINTMENT_PIANO("gazelle_appointment_pianos"),
    TIMELINE_ENTRY("gazelle_timeline_entries"),
    INVOICE("gazelle_invoices"),
    INVOICE_ITEM("gazelle_invoice_items");

    private final String table;

    GazelleEntity(String table) {
        this.table = table;
    }

    public String table() {
        return table;
    }
}
