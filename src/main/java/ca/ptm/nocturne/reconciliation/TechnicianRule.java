package ca.ptm.nocturne.reconciliation;

import ca.ptm.nocturne.reconciliation.GazelleView.TechnicianRef;
import java.util.Objects;

/**
 * Compares the technician of a linked appointment with the request's. The appointment's technician counts only when
 * it is a real one (set, and not the placeholder "À attribuer"). A request without technician takes Gazelle's; a
 * request naming the same technician gets the missing id filled; a request naming another one keeps it and is
 * flagged.
 */
final class TechnicianRule {

    enum Verdict { NO_TECHNICIAN, FILL, MISMATCH }

    private TechnicianRule() {
    }

    /** @param known the technician row of the appointment's Gazelle user, or null when none has that user id */
    static boolean isReal(String gazelleUserId, TechnicianRef known) {
        return gazelleUserId != null && !gazelleUserId.isBlank() && (known == null || !known.placeholder());
    }

    static Verdict judge(PdaRequestRow request, String gazelleUserId, TechnicianRef known) {
        if (!isReal(gazelleUserId, known)) {
            return Verdict.NO_TECHNICIAN;
        }
        if (request.technicianId() == null && request.technicianGazelleId() == null) {
            return Verdict.FILL;
        }
        boolean sameGazelleId = request.technicianGazelleId() == null || request.technicianGazelleId().equals(gazelleUserId);
        boolean sameTechnician = request.technicianId() == null
                || (known != null && Objects.equals(request.technicianId(), known.id()))
                || (known == null && request.technicianGazelleId() != null && request.technicianGazelleId().equals(gazelleUserId));
        return sameGazelleId && sameTechnician ? Verdict.FILL : Verdict.MISMATCH;
    }
}
