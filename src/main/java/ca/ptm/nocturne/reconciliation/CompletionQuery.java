package ca.ptm.nocturne.reconciliation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One GraphQL operation asking Gazelle the current status of several appointments at once, with the schema's
 * single-event field {@code event(eventId: String!)} under aliases:
 * {@code query PdaCompletion($id1: String!, $id2: String!) { e1: event(eventId: $id1) { id status } e2: … }}.
 * The variables are typed {@code String!}, as the schema declares the argument (never {@code ID}).
 */
record CompletionQuery(String text, Map<String, Object> variables, Map<String, String> aliasToAppointment) {

    /** Appointments per operation: small enough for one answer, few enough requests for a month of PdA work. */
    static final int BATCH = 25;

    static CompletionQuery of(List<String> appointmentIds) {
        if (appointmentIds.isEmpty() || appointmentIds.size() > BATCH) {
            throw new IllegalArgumentException("1 to " + BATCH + " appointments per query, not " + appointmentIds.size());
        }
        StringBuilder declarations = new StringBuilder();
        StringBuilder fields = new StringBuilder();
        Map<String, Object> variables = new LinkedHashMap<>();
        Map<String, String> aliases = new LinkedHashMap<>();
        for (int i = 0; i < appointmentIds.size(); i++) {
            int n = i + 1;
            declarations.append(i == 0 ? "" : ", ").append("$id").append(n).append(": String!");
            fields.append(" e").append(n).append(": event(eventId: $id").append(n).append(") { id status }");
            variables.put("id" + n, appointmentIds.get(i));
            aliases.put("e" + n, appointmentIds.get(i));
        }
        return new CompletionQuery("query PdaCompletion(" + declarations + ") {" + fields + " }", variables, aliases);
    }
}
