package ca.ptm.nocturne.imports.contracts;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One seasonal contract line of the contracts export. */
public record ServiceContract(long institutionId, int season, LocalDate startsOn, LocalDate endsOn, String status,
                              BigDecimal dayRate, BigDecimal plannedDays, BigDecimal doneDays, BigDecimal prepDays,
                              BigDecimal extraTuningRate, Integer extraTunings, BigDecimal travelRate, Integer doneTrips,
                              BigDecimal discount, Integer noticeDays, LocalDate signedOn, String notes) {
}
