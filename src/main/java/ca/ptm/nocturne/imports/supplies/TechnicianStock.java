package ca.ptm.nocturne.imports.supplies;

import java.math.BigDecimal;
import java.time.Instant;

/** How many of a product one technician holds in one place (Atelier, Camion). */
public record TechnicianStock(long productId, long technicianId, String location, BigDecimal quantity,
                              BigDecimal reorderThreshold, Instant lastCheckedAt, String legacyInventoryId) {
}
