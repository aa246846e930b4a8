package ca.ptm.nocturne.imports.supplies;

import ca.ptm.nocturne.imports.writing.ExistingRow;
import ca.ptm.nocturne.imports.writing.ImportTarget;
import ca.ptm.nocturne.imports.writing.RowOrigin;
import ca.ptm.nocturne.imports.writing.WriteOutcome;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Products are a snapshot keyed on the old database's ProductId: a newer export updates them. */
public class ProductTarget implements ImportTarget<Product> {

    private final JdbcTemplate jdbc;

    public ProductTarget(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public WriteOutcome write(Product p, RowOrigin origin) {
        List<Long> written = jdbc.queryForList("""
                INSERT INTO product (legacy_product_id, code, name, unit_cost, unit_price, active, legacy_created_at, supplier,
                    unit, import_batch_id, source_line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (legacy_product_id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name,
                    unit_cost = EXCLUDED.unit_cost, unit_price = EXCLUDED.unit_price, active = EXCLUDED.active,
                    legacy_created_at = EXCLUDED.legacy_created_at, supplier = coalesce(EXCLUDED.supplier, product.supplier),
                    unit = EXCLUDED.unit, import_batch_id = EXCLUDED.import_batch_id, source_line = EXCLUDED.source_line,
                    updated_at = now()
                WHERE product.import_batch_id IS DISTINCT FROM EXCLUDED.import_batch_id
                   OR product.source_line = EXCLUDED.source_line
                RETURNING id""", Long.class,
                p.legacyProductId(), p.code(), p.name(), p.unitCost(), p.unitPrice(), p.active(),
                p.legacyCreatedAt() == null ? null : Timestamp.from(p.legacyCreatedAt()), p.supplier(), p.unit(),
                origin.batchId(), origin.line());
        if (!written.isEmpty()) {
            return WriteOutcome.WRITTEN;
        }
        return ExistingRow.classify(jdbc.queryForMap("""
                SELECT p.import_batch_id, p.source_line, b.file_name FROM product p
                LEFT JOIN import_batch b ON b.id = p.import_batch_id WHERE p.legacy_product_id = ?""", p.legacyProductId()), origin);
    }
}
