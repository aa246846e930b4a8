package ca.ptm.nocturne.reports.supplies;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One stock line: a product held by a technician in a place, with its movements of the last 30 days. */
public record StockRow(String technician, String location, String code, String product, String category,
                       BigDecimal quantity, BigDecimal threshold, LocalDate lastChecked, long movements,
                       BigDecimal movementDelta, BigDecimal unitPrice) {

    /** Strictly below the reorder threshold; at the threshold the stock is still what was planned. */
    public boolean underThreshold() {
        return threshold != null && quantity.compareTo(threshold) < 0;
    }

    /** Quantity × unit price; a product without a price counts for nothing. */
    public BigDecimal value() {
        return unitPrice == null ? BigDecimal.ZERO : quantity.multiply(unitPrice);
    }
}
