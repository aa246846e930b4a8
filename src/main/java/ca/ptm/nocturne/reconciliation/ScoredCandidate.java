package ca.ptm.nocturne.reconciliation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An appointment with its score against one request, and the criteria that gave the points (French, for review). */
public record ScoredCandidate(Appointment appointment, int score, List<String> criteria) {

    public ScoredCandidate {
        criteria = List.copyOf(criteria);
    }

    /** The JSON shape stored in pda_anomaly.details. */
    Map<String, Object> details() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("appointment", appointment.externalId());
        out.put("title", appointment.title());
        out.put("date", String.valueOf(appointment.date()));
        out.put("time", appointment.time() == null ? null : appointment.time().toString());
        out.put("score", score);
        out.put("criteria", criteria);
        return out;
    }
}
