package ca.ptm.nocturne.imports.supplies;

import ca.ptm.nocturne.imports.conversion.RowConverter;
import ca.ptm.nocturne.imports.conversion.RowRejectedException;
import ca.ptm.nocturne.imports.conversion.TypedRow;

/** A display-names line completes a product the products export brought; an unknown product is a reject. */
public class ProductDisplayConverter implements RowConverter<ProductDisplay> {

    private final SupplyReferences references;

    public ProductDisplayConverter(SupplyReferences references) {
        this.references = references;
    }

    @Override
    public ProductDisplay convert(TypedRow row) throws RowRejectedException {
        return new ProductDisplay(references.product(row), row.text("name_fr"), row.text("name_en"), row.text("category"),
                row.text("variant_group"), row.text("variant_label"), row.integer("display_order"), row.text("msl_id"),
                row.bool("has_commission"), row.decimal("commission_rate"), row.bool("active"));
    }
}
