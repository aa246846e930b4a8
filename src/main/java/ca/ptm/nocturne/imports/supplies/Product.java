package ca.ptm.nocturne.imports.supplies;

import java.math.BigDecimal;
import java.time.Instant;

/** A supplies product from the old database's product export. */
public record Product(String legacyProductId, String code, String name, BigDecimal unitCost, BigDecimal unitPrice,
                      boolean active, Instant legacyCreatedAt, String supplier, String unit) {
}
