package ca.ptm.nocturne.imports.supplies;

import ca.ptm.nocturne.imports.writing.ExistingRow;
import ca.ptm.nocturne.imports.writing.ImportTarget;
import ca.ptm.nocturne.imports.writing.RowOrigin;
import ca.ptm.nocturne.imports.writing.WriteOutcome;
import org.springframework.jdbc.core.JdbcTemplate;

/** Updates a product's display fields; a product named twice in one file keeps its first line. */
public class ProductDisplayTarget implements ImportTarget<ProductDisplay> {

    private final JdbcTemplate jdbc;

    public ProductDisplayTarget(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public WriteOutcome write(ProductDisplay d, RowOrigin origin) {
        int updated = jdbc.update("""
                UPDATE product SET display_name_fr = ?, display_name_en = ?, category = ?, variant_group = ?,
                    variant_label = ?, display_order = ?, gazelle_msl_id = ?, has_commission = coalesce(?, has_commission),
                    commission_rate = ?, active = coalesce(?, active), display_batch_id = ?, display_line = ?, updated_at = now()
                WHERE id = ? AND (display_batch_id IS DISTINCT FROM ? OR display_line = ?)""",
                d.nameFr(), d.nameEn(), d.category(), d.variantGroup(), d.variantLabel(), d.displayOrder(), d.gazelleMslId(),
                d.hasCommission(), d.commissionRate(), d.active(), origin.batchId(), origin.line(), d.productId(),
                origin.batchId(), origin.line());
        if (updated == 1) {
            return WriteOutcome.WRITTEN;
        }
        return ExistingRow.classify(jdbc.queryForMap("""
                SELECT p.display_batch_id AS import_batch_id, p.display_line AS source_line, b.file_name FROM product p
                LEFT JOIN import_batch b ON b.id = p.display_batch_id WHERE p.id = ?""", d.productId()), origin);
    }
}
