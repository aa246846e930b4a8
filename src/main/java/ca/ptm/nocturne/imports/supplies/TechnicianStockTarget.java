package ca.ptm.nocturne.imports.supplies;

import ca.ptm.nocturne.imports.writing.ExistingRow;
import ca.ptm.nocturne.imports.writing.ImportTarget;
import ca.ptm.nocturne.imports.writing.RowOrigin;
import ca.ptm.nocturne.imports.writing.WriteOutcome;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Stock is a snapshot per (product, technician, place): a newer export sets the quantity. */
public class TechnicianStockTarget implements ImportTarget<TechnicianStock> {

    private final JdbcTemplate jdbc;

    public TechnicianStockTarget(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public WriteOutcome write(TechnicianStock s, RowOrigin origin) {
        List<Long> written = jdbc.queryForList("""
                INSERT INTO technician_stock (product_id, technician_id, location, quantity, reorder_threshold, last_checked_at,
                    legacy_inventory_id, import_batch_id, source_line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (product_id, technician_id, location) DO UPDATE SET quantity = EXCLUDED.quantity,
                    reorder_threshold = EXCLUDED.reorder_threshold, last_checked_at = EXCLUDED.last_checked_at,
                    legacy_inventory_id = EXCLUDED.legacy_inventory_id, import_batch_id = EXCLUDED.import_batch_id,
                    source_line = EXCLUDED.source_line, updated_at = now()
                WHERE technician_stock.import_batch_id IS DISTINCT FROM EXCLUDED.import_batch_id
                   OR technician_stock.source_line = EXCLUDED.source_line
                RETURNING id""", Long.class,
                s.productId(), s.technicianId(), s.location(), s.quantity(), s.reorderThreshold(),
                s.lastCheckedAt() == null ? null : Timestamp.from(s.lastCheckedAt()), s.legacyInventoryId(),
                origin.batchId(), origin.line());
        if (!written.isEmpty()) {
            return WriteOutcome.WRITTEN;
        }
        return ExistingRow.classify(jdbc.queryForMap("""
                SELECT s.import_batch_id, s.source_line, b.file_name FROM technician_stock s
                LEFT JOIN import_batch b ON b.id = s.import_batch_id
                WHERE s.product_id = ? AND s.technician_id = ? AND s.location = ?""",
                s.productId(), s.technicianId(), s.location()), origin);
    }
}
