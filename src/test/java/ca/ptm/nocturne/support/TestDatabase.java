package ca.ptm.nocturne.support;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Empties what the jobs write (business tables and the job repository) between tests, keeping the reference data
 * the migrations seed.
 */
public final class TestDatabase {

    private static final List<String> WRITTEN_BY_JOBS = List.of(
            "contract_installment", "service_contract", "pda_request_status_history", "pda_request", "venue_piano", "stock_movement", "technician_stock", "product",
            "import_reject", "import_batch", "gazelle_users", "gazelle_clients", "gazelle_contacts", "gazelle_pianos",
            "gazelle_appointments", "gazelle_appointment_pianos", "gazelle_timeline_entries", "gazelle_invoices",
            "gazelle_invoice_items", "sync_reject", "sync_logs", "system_settings", "sync_count_check", "mail_delivery", "console_audit", "pda_orphan_dismissal",
            "maintenance_alert", "pda_accepted_difference", "pda_completion_check", "place_des_arts_requests",
            "pda_anomaly", "sync_appointment_sighting");

    private TestDatabase() {
    }

    public static void clean(JdbcTemplate jdbc) {
        jdbc.execute("TRUNCATE " + String.join(", ", WRITTEN_BY_JOBS) + " RESTART IDENTITY CASCADE");
        jdbc.update("DELETE FROM technician WHERE first_name NOT IN ('Allan', 'Nicolas', 'À attribuer')");
        jdbc.update("UPDATE technician SET gazelle_user_id = NULL");
        // set by the fleet overlay from the clients' names; the seeds leave them empty
        jdbc.update("UPDATE institution SET gazelle_client_external_id = NULL");
        jdbc.update("DELETE FROM console_login_failure"); // a test's failed logins never lock another test's admin
        jdbc.execute("""
                TRUNCATE batch.batch_step_execution_context, batch.batch_job_execution_context, batch.batch_step_execution,
                    batch.batch_job_execution_params, batch.batch_job_execution, batch.batch_job_instance CASCADE""");
    }

    public static int count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
    }

    /** Every business row the import writes, as text, without surrogate ids or timestamps: equal means same data. */
    public static List<String> snapshot(JdbcTemplate jdbc) {
        return jdbc.queryForList("""
                SELECT 'pda|' || business_key || '|' || coalesce(request_date::text, '') || '|' || status || '|'
                       || billing_amount || '|' || coalesce(parking_amount::text, '') || '|' || coalesce(notes, '') || '|'
                       || array_to_string(import_warnings, ';') FROM pda_request
                UNION ALL SELECT 'hist|' || r.business_key || '|' || h.to_status FROM pda_request_status_history h
                    JOIN pda_request r ON r.id = h.pda_request_id
                UNION ALL SELECT 'venue|' || natural_key || '|' || coalesce(todo, '') || '|' || coalesce(priority, '') FROM venue_piano
                UNION ALL SELECT 'product|' || legacy_product_id || '|' || name || '|' || coalesce(unit_cost::text, '') || '|'
                       || coalesce(category, '') FROM product
                UNION ALL SELECT 'stock|' || product_id || '|' || technician_id || '|' || location || '|' || quantity FROM technician_stock
                UNION ALL SELECT 'movement|' || content_key FROM stock_movement
                UNION ALL SELECT 'reject|' || b.file_name || '|' || r.line_number || '|' || r.error_code || '|' || r.field_name
                    FROM import_reject r JOIN import_batch b ON b.id = r.import_batch_id
                UNION ALL SELECT 'batch|' || file_name || '|' || status || '|' || rows_read || '|' || rows_written || '|'
                       || rows_duplicate || '|' || rows_rejected FROM import_batch
                ORDER BY 1""", String.class);
    }
}
