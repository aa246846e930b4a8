package ca.ptm.nocturne.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A checksum of every business table's content, leaving out what legitimately differs between two equivalent runs
 * (surrogate ids, timestamps of the run, execution ids): equal checksums mean the same data, row for row.
 */
public final class TableChecksums {

    public static final List<String> TABLES = List.of("pda_request", "pda_request_status_history", "venue_piano", "product",
            "technician_stock", "stock_movement", "service_contract", "contract_installment", "import_batch", "import_reject",
            "gazelle_clients", "gazelle_contacts", "gazelle_pianos", "gazelle_appointments", "gazelle_appointment_pianos",
            "gazelle_timeline_entries", "gazelle_invoices", "gazelle_invoice_items", "technician", "maintenance_alert");

    private static final String VOLATILE = "'id', 'synced_at', 'updated_at', 'created_at', 'last_seen_job_execution_id', "
            + "'job_execution_id', 'job_instance_id', 'started_at', 'finished_at', 'changed_at', 'import_batch_id', "
            + "'pda_request_id', 'display_batch_id', 'contract_id', 'product_id', 'technician_id', 'institution_id', 'file_path'";

    private TableChecksums() {
    }

    public static Map<String, String> of(JdbcTemplate jdbc) {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String table : TABLES) {
            sums.put(table, jdbc.queryForObject("SELECT count(*) || ':' || coalesce(md5(string_agg(r, '|' ORDER BY r)), '-') FROM "
                    + "(SELECT (to_jsonb(t) - ARRAY[" + VOLATILE + "])::text AS r FROM " + table + " t) x", String.class));
        }
        return sums;
    }
}
