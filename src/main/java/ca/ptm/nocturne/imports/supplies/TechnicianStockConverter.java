package ca.ptm.nocturne.imports.supplies;

import ca.ptm.nocturne.imports.conversion.RowConverter;
import ca.ptm.nocturne.imports.conversion.RowRejectedException;
import ca.ptm.nocturne.imports.conversion.TypedRow;
import ca.ptm.nocturne.imports.parsing.RejectCode;

/** A stock line: product and technician must both resolve; the place defaults to the workshop, never to nothing. */
public class TechnicianStockConverter implements RowConverter<TechnicianStock> {

    private final SupplyReferences references;

    public TechnicianStockConverter(SupplyReferences references) {
        this.references = references;
    }

    @Override
    public TechnicianStock convert(TypedRow row) throws RowRejectedException {
        long product = references.product(row);
        long technician = references.technician(row);
        if (row.decimal("quantity").signum() < 0) {
            throw row.reject("quantity", RejectCode.BAD_NUMBER, "Quantité négative : « " + row.text("quantity") + " »");
        }
        return new TechnicianStock(product, technician, SupplyReferences.location(row), row.decimal("quantity"),
                row.decimal("reorder_threshold"), row.instant("updated_at"), row.text("inventory_id"));
    }
}
