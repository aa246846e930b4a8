package ca.ptm.nocturne.reconciliation;

import ca.ptm.nocturne.imports.pda.PdaStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;

/** A Place des Arts request (a row of pda_request) with the fields the reconciliation reads. */
public record PdaRequestRow(long id, LocalDate requestDate, LocalDate appointmentDate, LocalTime time, String roomCode,
                            String roomOriginal, String forWho, String pianoText, String pianoExternalId, Long technicianId,
                            String technicianGazelleId, String appointmentExternalId, PdaStatus status,
                            BigDecimal parkingAmount) {

    public boolean linked() {
        return appointmentExternalId != null;
    }

    public boolean billed() {
        return status == PdaStatus.BILLED;
    }

    /** "demande n° 5 « Gala fictif » du 2025-11-21 18:00 (WP)", for messages. */
    public String label() {
        StringBuilder out = new StringBuilder("demande n° ").append(id);
        if (forWho != null) {
            out.append(" « ").append(forWho).append(" »");
        }
        out.append(" du ").append(appointmentDate);
        if (time != null) {
            out.append(' ').append(time);
        }
        String room = roomCode != null ? roomCode : roomOriginal;
        if (room != null) {
            out.append(" (").append(room).append(')');
        }
        return out.toString();
    }
}
