package ca.ptm.nocturne.reconciliation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One GraphQL operation asking Gazelle the current status of up to {@value #BATCH} appointments at once, with the
 * schema's single-event field {@code event(eventId: String!)} under aliases ({@code e1: event(eventId: $id1) { id status }}).
 * The variables are typed {@code String!}, as the schema declares the argument (never {@code ID}). The text is one
 * constant, so GazelleOperationsValidationTest checks it against the schema like every other operation; a shorter
 * batch repeats its first id in the unused variables (every declared variable must be used and given).
 */
record CompletionQuery(Map<String, Object> variables, Map<String, String> aliasToAppointment) {

    /** Appointments per operation: a month of PdA work in a few requests. */
    static final int BATCH = 25;

    static final String TEXT = "query PdaCompletion("
            + "$id1: String!, $id2: String!, $id3: String!, $id4: String!, $id5: String!, "
            + "$id6: String!, $id7: String!, $id8: String!, $id9: String!, $id10: String!, "
            + "$id11: String!, $id12: String!, $id13: String!, $id14: String!, $id15: String!, "
            + "$id16: String!, $id17: String!, $id18: String!, $id19: String!, $id20: String!, "
            + "$id21: String!, $id22: String!, $id23: String!, $id24: String!, $id25: String!"
            + ") {"
            + " e1: event(eventId: $id1) { id status }"
            + " e2: event(eventId: $id2) { id status }"
            + " e3: event(eventId: $id3) { id status }"
            + " e4: event(eventId: $id4) { id status }"
            + " e5: event(eventId: $id5) { id status }"
            + " e6: event(eventId: $id6) { id status }"
            + " e7: event(eventId: $id7) { id status }"
            + " e8: event(eventId: $id8) { id status }"
            + " e9: event(eventId: $id9) { id status }"
            + " e10: event(eventId: $id10) { id status }"
            + " e11: event(eventId: $id11) { id status }"
            + " e12: event(eventId: $id12) { id status }"
            + " e13: event(eventId: $id13) { id status }"
            + " e14: event(eventId: $id14) { id status }"
            + " e15: event(eventId: $id15) { id status }"
            + " e16: event(eventId: $id16) { id status }"
            + " e17: event(eventId: $id17) { id status }"
            + " e18: event(eventId: $id18) { id status }"
            + " e19: event(eventId: $id19) { id status }"
            + " e20: event(eventId: $id20) { id status }"
            + " e21: event(eventId: $id21) { id status }"
            + " e22: event(eventId: $id22) { id status }"
            + " e23: event(eventId: $id23) { id status }"
            + " e24: event(eventId: $id24) { id status }"
            + " e25: event(eventId: $id25) { id status }"
            + " }";

    String text() {
        return TEXT;
    }

    static CompletionQuery of(List<String> appointmentIds) {
        if (appointmentIds.isEmpty() || appointmentIds.size() > BATCH) {
            throw new IllegalArgumentException("1 to " + BATCH + " appointments per query, not " + appointmentIds.size());
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        Map<String, String> aliases = new LinkedHashMap<>();
        for (int i = 0; i < BATCH; i++) {
            String id = i < appointmentIds.size() ? appointmentIds.get(i) : appointmentIds.get(0);
            variables.put("id" + (i + 1), id);
            if (i < appointmentIds.size()) {
                aliases.put("e" + (i + 1), id);
            }
        }
        return new CompletionQuery(variables, aliases);
    }
}
