package ca.ptm.nocturne.imports.pda;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A Place des Arts request as read from a legacy file, ready for {@code pda_request}. {@code sourceLegacyId} is the id
 * the file gave it, if any (kept as written; {@code legacyId} is derived from the business key).
 */
public record PdaRequest(String legacyId, String businessKey, String source, LocalDate requestDate,
                         LocalDate appointmentDate, String timeText, LocalTime time24h, String roomCode,
                         String roomOriginal, String forWho, Integer diapason, String requesterCode, String pianoText,
                         Long technicianId, String technicianText, String technicianGazelleId,
                         String appointmentExternalId, PdaStatus status, BigDecimal billingAmount,
                         BigDecimal parkingAmount, Instant billedAt, String billedBy, String notes,
                         String sourceLegacyId) {
}
