package ca.ptm.nocturne.imports.supplies;

import ca.ptm.nocturne.imports.writing.ExistingRow;
import ca.ptm.nocturne.imports.writing.ImportTarget;
import ca.ptm.nocturne.imports.writing.RowOrigin;
import ca.ptm.nocturne.imports.writing.WriteOutcome;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Movements are history: never updated, a movement already stored (same legacy id, same content, or the same
 * invoice deduction of the same product) is a duplicate.
 */
public class StockMovementTarget implements ImportTarget<StockMovement> {

    private final JdbcTemplate jdbc;

    public StockMovementTarget(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public WriteOutcome write(StockMovement m, RowOrigin origin) {
        List<Long> inserted = jdbc.queryForList("""
                INSERT INTO stock_movement (legacy_transaction_id, content_key, product_id, technician_id, location, occurred_at,
                    delta, reason, source, source_ref, client_ref, notes, import_batch_id, source_line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING RETURNING id""", Long.class,
                m.legacyTransactionId(), m.contentKey(), m.productId(), m.technicianId(), m.location(),
                Timestamp.from(m.occurredAt()), m.delta(), m.reason(), m.source(), m.sourceRef(), m.clientRef(), m.notes(),
                origin.batchId(), origin.line());
        if (!inserted.isEmpty()) {
            return WriteOutcome.WRITTEN;
        }
        return ExistingRow.classify(jdbc.queryForMap("""
                SELECT s.import_batch_id, s.source_line, b.file_name FROM stock_movement s
                LEFT JOIN import_batch b ON b.id = s.import_batch_id
                WHERE s.legacy_transaction_id = ? OR s.content_key = ?
                   OR (s.source = ? AND s.source_ref = ? AND s.product_id = ?)
                ORDER BY (s.import_batch_id = ? AND s.source_line = ?) DESC LIMIT 1""",
                m.legacyTransactionId(), m.contentKey(), m.source(), m.sourceRef(), m.productId(),
                origin.batchId(), origin.line()), origin);
    }
}
