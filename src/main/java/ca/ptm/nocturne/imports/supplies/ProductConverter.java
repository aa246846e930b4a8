package ca.ptm.nocturne.imports.supplies;

import ca.ptm.nocturne.imports.conversion.RowConverter;
import ca.ptm.nocturne.imports.conversion.TypedRow;

/** A product line; its prices are read with the decimal comma, an unreadable one rejects the product. */
public class ProductConverter implements RowConverter<Product> {

    @Override
    public Product convert(TypedRow row) {
        return new Product(row.text("product_id"), row.text("sku"), row.text("name"), row.decimal("unit_cost"),
                row.decimal("retail_price"), row.bool("active") == null || row.bool("active"), row.instant("created_at"),
                row.text("supplier"), row.text("unit") == null ? "unité" : row.text("unit"));
    }
}
