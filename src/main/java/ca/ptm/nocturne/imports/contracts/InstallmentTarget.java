package ca.ptm.nocturne.imports.contracts;

import ca.ptm.nocturne.imports.writing.ExistingRow;
import ca.ptm.nocturne.imports.writing.ImportTarget;
import ca.ptm.nocturne.imports.writing.RowOrigin;
import ca.ptm.nocturne.imports.writing.WriteOutcome;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** An instalment per contract and rank; a newer export updates it (its payment date, typically). */
public class InstallmentTarget implements ImportTarget<ContractInstallment> {

    private final JdbcTemplate jdbc;

    public InstallmentTarget(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public WriteOutcome write(ContractInstallment i, RowOrigin origin) {
        List<Long> written = jdbc.queryForList("""
                INSERT INTO contract_installment (contract_id, seq, due_on, amount_before_tax, paid_on, invoice_external_id,
                    import_batch_id, source_line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (contract_id, seq) DO UPDATE SET due_on = EXCLUDED.due_on,
                    amount_before_tax = EXCLUDED.amount_before_tax, paid_on = coalesce(EXCLUDED.paid_on, contract_installment.paid_on),
                    invoice_external_id = coalesce(EXCLUDED.invoice_external_id, contract_installment.invoice_external_id),
                    import_batch_id = EXCLUDED.import_batch_id, source_line = EXCLUDED.source_line, updated_at = now()
                WHERE contract_installment.import_batch_id IS DISTINCT FROM EXCLUDED.import_batch_id
                   OR contract_installment.source_line = EXCLUDED.source_line
                RETURNING id""", Long.class,
                i.contractId(), i.seq(), i.dueOn(), i.amountBeforeTax(), i.paidOn(), i.invoiceExternalId(), origin.batchId(),
                origin.line());
        if (!written.isEmpty()) {
            return WriteOutcome.WRITTEN;
        }
        return ExistingRow.classify(jdbc.queryForMap("""
                SELECT i.import_batch_id, i.source_line, b.file_name FROM contract_installment i
                LEFT JOIN import_batch b ON b.id = i.import_batch_id WHERE i.contract_id = ? AND i.seq = ?""",
                i.contractId(), i.seq()), origin);
    }
}
