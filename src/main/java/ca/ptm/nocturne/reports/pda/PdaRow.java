package ca.ptm.nocturne.reports.pda;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One PdA request of the month. {@code billing} is never null (175.00 is the column default). {@code appointment} is
 * the linked Gazelle appointment as people read it (« 21 nov. 14 h 30 · Nicolas »), {@code serviceNote} the technician's
 * note on that piano that day, shortened.
 */
public record PdaRow(LocalDate date, String time, String hall, String forWho, String piano, Integer diapason,
                     String requester, String technician, PdaStatus status, BigDecimal billing, BigDecimal parking,
                     String appointmentId, boolean billed, String appointment, String serviceNote) {

    /** The status as staff read it; a row to bill says so in words and with a symbol, not by its colour alone. */
    public String statusText() {
        return toBill() ? "► À facturer" : status.label();
    }

    public BigDecimal total() {
        return parking == null ? billing : billing.add(parking);
    }

    /** DOMAIN: "to bill" = COMPLETED and billed_at empty. */
    public boolean toBill() {
        return status == PdaStatus.COMPLETED && !billed;
    }
}
