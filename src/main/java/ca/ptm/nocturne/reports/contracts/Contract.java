package ca.ptm.nocturne.reports.contracts;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A service contract as stored (service_contract), with the institution's name. Blank figures are zero. */
public record Contract(long id, String institution, int season, LocalDate startsOn, LocalDate endsOn, String status,
                       BigDecimal dayRate, BigDecimal plannedDays, BigDecimal doneDays, BigDecimal prepDays,
                       BigDecimal extraTuningRate, int extraTunings, BigDecimal travelRate, int doneTrips,
                       BigDecimal discount) {

    /**
     * DOMAIN's billing rule: done days × day rate + preparation days × day rate + extra tunings × extra rate
     * + trips × travel rate − discount. In 2025 the preparation was inside the done days (prep recorded as 0), which is
     * how 24.5 × 630 + 10 × 173.95 − 2 327.50 = 14 847 = 3 × 4 949 checks out; a contract that lists preparation
     * days separately bills them separately.
     */
    public BigDecimal subtotal() {
        return doneDays.add(prepDays).multiply(dayRate)
                .add(extraTuningRate.multiply(BigDecimal.valueOf(extraTunings)))
                .add(travelRate.multiply(BigDecimal.valueOf(doneTrips)))
                .subtract(discount);
    }

    public Taxes taxes() {
        return Taxes.on(subtotal());
    }
}
