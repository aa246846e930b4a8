package ca.ptm.nocturne.reconciliation;

import java.util.Map;

/**
 * One thing for staff to look at, in French, with what was compared (candidates and scores, amounts…) as details.
 *
 * @param requestId             the pda_request concerned, or null (an orphan appointment)
 * @param appointmentExternalId the Gazelle appointment concerned, or null
 */
public record Anomaly(AnomalyKind kind, Long requestId, String appointmentExternalId, String message, Map<String, Object> details) {

    public Anomaly {
        details = details == null ? Map.of() : details;
    }
}
