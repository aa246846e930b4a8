package ca.ptm.nocturne.validation;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Nothing is ever deleted: each table is compared with its size at the previous good run. */
@Component
public class TableSizeChecks {

    public static final List<String> IMPORT_TABLES = List.of("pda_request", "venue_piano", "product", "technician_stock",
            "stock_movement", "service_contract", "contract_installment");
    public static final List<String> GAZELLE_TABLES = List.of("gazelle_users", "gazelle_clients", "gazelle_contacts",
            "gazelle_pianos", "gazelle_appointments", "gazelle_timeline_entries", "gazelle_invoices", "gazelle_invoice_items");

    private final JdbcTemplate jdbc;
    private final CountRules rules;
    private final CountCheckRepository repository;

    public TableSizeChecks(JdbcTemplate jdbc, CountRules rules, CountCheckRepository repository) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.repository = repository;
    }

    public List<CountCheck> checks(List<String> tables, long jobInstanceId) {
        List<CountCheck> checks = new ArrayList<>();
        for (String table : tables) {
            long size = jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
            Long previous = repository.previous("tables", table, jobInstanceId, "target_count");
            CountCheck check = new CountCheck("tables", table, "base").counts(null, null, null, null, size).previous(previous);
            rules.shrink(check, size, previous);
            checks.add(check);
        }
        return checks;
    }
}
