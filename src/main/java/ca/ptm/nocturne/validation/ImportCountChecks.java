package ca.ptm.nocturne.validation;

import ca.ptm.nocturne.imports.ledger.ImportBatch;
import ca.ptm.nocturne.imports.ledger.ImportBatchLedger;
import ca.ptm.nocturne.imports.mapping.FileKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reconciles every legacy file the run imported: rows read = written + rejected + duplicates, and the rows its table
 * holds from that file. Requests and stock movements are history (the table must hold exactly what was written);
 * the other kinds are snapshots a later file of the same run may take over.
 */
@Component
public class ImportCountChecks {

    private record Target(String table, String batchColumn, boolean history) {
    }

    private static final Map<FileKind, Target> TARGETS = Map.of(
            FileKind.PDA_REQUEST, new Target("pda_request", "import_batch_id", true),
            FileKind.STOCK_MOVEMENT, new Target("stock_movement", "import_batch_id", true),
            FileKind.PRODUCT, new Target("product", "import_batch_id", false),
            FileKind.PRODUCT_DISPLAY, new Target("product", "display_batch_id", false),
            FileKind.TECHNICIAN_STOCK, new Target("technician_stock", "import_batch_id", false),
            FileKind.VENUE_PIANO, new Target("venue_piano", "import_batch_id", false),
            FileKind.CONTRACT, new Target("service_contract", "import_batch_id", false),
            FileKind.CONTRACT_INSTALLMENT, new Target("contract_installment", "import_batch_id", false));

    private final ImportBatchLedger ledger;
    private final JdbcTemplate jdbc;
    private final CountRules rules;

    public ImportCountChecks(ImportBatchLedger ledger, JdbcTemplate jdbc, CountRules rules) {
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.rules = rules;
    }

    public List<CountCheck> checks(long jobInstanceId) {
        List<CountCheck> checks = new ArrayList<>();
        for (ImportBatch batch : ledger.ofJobInstance(jobInstanceId)) {
            if (batch.fileKind() == null || batch.status().equals("REFUSED")) {
                continue;
            }
            Target target = TARGETS.get(FileKind.fromId(batch.fileKind()));
            long inTable = jdbc.queryForObject("SELECT count(*) FROM " + target.table() + " WHERE " + target.batchColumn() + " = ?",
                    Long.class, batch.id());
            CountCheck check = new CountCheck("import", batch.fileName(), "fichier")
                    .counts((long) batch.rowsRead(), (long) batch.rowsWritten(), (long) batch.rowsRejected(),
                            (long) batch.rowsDuplicate(), inTable);
            if (batch.status().equals("CHANGED")) {
                // Not a failure of the run: the file is read again, whole, by the next one.
                check.fire("incomplete", CheckStatus.WARN, "Fichier modifié pendant son import : relu à la prochaine exécution");
            } else if (!batch.status().equals("COMPLETED")) {
                check.fire("incomplete", CheckStatus.FAIL, "Import inachevé (" + batch.status() + ")");
            }
            rules.balance(check, batch.rowsRead(), batch.rowsWritten(), batch.rowsRejected(), batch.rowsDuplicate());
            if (batch.status().equals("COMPLETED") && batch.physicalLines() != null) {
                rules.lines(check, batch.physicalLines(), batch.headerLines(), batch.recordLines(), batch.blankLines());
            }
            rules.target(check, batch.rowsWritten(), inTable, !target.history(), "ligne(s) reprise(s) depuis par un fichier plus récent");
            rules.cap(check, batch.rowsRead(), rules.multiples().stream().filter(m -> m >= 1000).toList());
            checks.add(check);
        }
        return checks;
    }
}
