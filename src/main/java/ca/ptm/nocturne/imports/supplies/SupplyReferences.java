package ca.ptm.nocturne.imports.supplies;

import ca.ptm.nocturne.imports.conversion.RowRejectedException;
import ca.ptm.nocturne.imports.conversion.TypedRow;
import ca.ptm.nocturne.imports.parsing.RejectCode;
import ca.ptm.nocturne.reference.TechnicianDirectory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The two references every stock row needs, each a reject when it cannot be resolved: the product (imported by the
 * products step just before) and the technician (through the alias table; never the raw name in an id column).
 */
public class SupplyReferences {

    private final JdbcTemplate jdbc;
    private final TechnicianDirectory technicians;

    public SupplyReferences(JdbcTemplate jdbc, TechnicianDirectory technicians) {
        this.jdbc = jdbc;
        this.technicians = technicians;
    }

    public long product(TypedRow row) throws RowRejectedException {
        String legacyId = row.text("product_id");
        return jdbc.queryForList("SELECT id FROM product WHERE legacy_product_id = ?", Long.class, legacyId).stream()
                .findFirst()
                .orElseThrow(() -> row.reject("product_id", RejectCode.UNKNOWN_PRODUCT, "Produit inconnu : « " + legacyId
                        + " » (absent de l'export des produits ou rejeté)"));
    }

    public long technician(TypedRow row) throws RowRejectedException {
        String name = row.text("technician");
        return technicians.resolve(name).filter(t -> !t.placeholder())
                .orElseThrow(() -> row.reject("technician", RejectCode.UNKNOWN_TECHNICIAN, "Technicien inconnu : « " + name
                        + " » (ajoutez un alias dans technician_alias)"))
                .id();
    }

    public static String location(TypedRow row) {
        return row.text("location") == null ? "Atelier" : row.text("location");
    }
}
