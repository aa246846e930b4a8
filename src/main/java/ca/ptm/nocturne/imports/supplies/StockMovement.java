package ca.ptm.nocturne.imports.supplies;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One change of stock.
 *
 * @param contentKey identity of the movement without its legacy id: two exports of the same movement under two ids
 *                   are one movement
 */
public record StockMovement(String legacyTransactionId, String contentKey, long productId, long technicianId,
                            String location, Instant occurredAt, BigDecimal delta, String reason, String source,
                            String sourceRef, String clientRef, String notes) {
}
