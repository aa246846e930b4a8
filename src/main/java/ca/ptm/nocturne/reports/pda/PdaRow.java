package ca.ptm.nocturne.reports.pda;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One PdA request of the month. {@code billing} is never null (175.00 is the column default). */
public record PdaRow(LocalDate date, String time, String hall, String forWho, String piano, Integer diapason,
                     String requester, String technician, PdaStatus status, BigDecimal billing, BigDecimal parking,
                     String appointmentId, boolean billed) {

    public BigDecimal total() {
        return parking == null ? billing : billing.add(parking);
    }

    /** DOMAIN: "to bill" = COMPLETED and billed_at empty. */
    public boolean toBill() {
        return status == PdaStatus.COMPLETED && !billed;
    }
}
