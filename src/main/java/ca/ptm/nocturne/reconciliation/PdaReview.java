package ca.ptm.nocturne.reconciliation;

import ca.ptm.nocturne.imports.pda.PdaStatus;
import ca.ptm.nocturne.operations.OperationRefusedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What staff decide after reading a night's anomalies, each in one transaction with the dashboard's table: link a
 * request to the appointment they chose (the scorer only ever links unlinked requests, so it never undoes it), dismiss
 * an orphan appointment with a reason (pda_orphan_dismissal, which the checks skip), accept a parking or technician
 * difference (pda_accepted_difference: the next nights stay silent while the value that differs stays the same).
 */
@Component
public class PdaReview {

    /** One anomaly of a run, its details read back from JSON; {@code candidates} for the matches to review. */
    public record Item(long id, AnomalyKind kind, Long requestId, String appointmentId, String message, Map<String, Object> details,
                       List<Map<String, Object>> candidates) {

        public boolean acceptable() {
            return kind == AnomalyKind.PARKING_MISMATCH || kind == AnomalyKind.TECHNICIAN_MISMATCH;
        }

        public boolean dismissable() {
            return kind == AnomalyKind.ORPHAN_APPOINTMENT;
        }

        public boolean linkable() {
            return kind == AnomalyKind.REVIEW_NEEDED && !candidates.isEmpty();
        }
    }

    /** The anomalies of one kind. */
    public record Group(AnomalyKind kind, List<Item> items) {
    }

    /** The latest reconciliation run that recorded anomalies: its execution, date and anomalies by kind. */
    public record LatestRun(long jobExecutionId, String runDate, List<Group> groups) {
    }

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final DashboardTable dashboard;
    private final JsonMapper json = JsonMapper.builder().build();

    public PdaReview(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, DashboardTable dashboard) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.dashboard = dashboard;
    }

    /** The anomalies of the latest job instance that recorded any (all its executions: a restarted run counts once). */
    public Optional<LatestRun> latest() {
        List<Map<String, Object>> last = jdbc.queryForList(
                "SELECT job_instance_id, job_execution_id, run_date::text AS run_date FROM pda_anomaly ORDER BY id DESC LIMIT 1");
        if (last.isEmpty()) {
            return Optional.empty();
        }
        Object instance = last.get(0).get("job_instance_id");
        List<Item> items = jdbc.query("""
                SELECT id, kind, pda_request_id, appointment_external_id, message, details::text AS details FROM pda_anomaly
                WHERE (job_instance_id = ? OR (job_instance_id IS NULL AND job_execution_id = ?)) ORDER BY id""",
                (rs, n) -> item(rs.getLong("id"), rs.getString("kind"), rs.getObject("pda_request_id", Long.class),
                        rs.getString("appointment_external_id"), rs.getString("message"), rs.getString("details")),
                instance, last.get(0).get("job_execution_id"));
        Map<AnomalyKind, List<Item>> byKind = new LinkedHashMap<>();
        for (AnomalyKind kind : AnomalyKind.values()) {
            byKind.put(kind, new ArrayList<>());
        }
        items.forEach(i -> byKind.get(i.kind()).add(i));
        List<Group> groups = byKind.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> new Group(e.getKey(), List.copyOf(e.getValue()))).toList();
        return Optional.of(new LatestRun(((Number) last.get(0).get("job_execution_id")).longValue(),
                String.valueOf(last.get(0).get("run_date")), groups));
    }

    public Optional<Item> anomaly(long id) {
        return jdbc.query("""
                SELECT id, kind, pda_request_id, appointment_external_id, message, details::text AS details FROM pda_anomaly WHERE id = ?""",
                (rs, n) -> item(rs.getLong("id"), rs.getString("kind"), rs.getObject("pda_request_id", Long.class),
                        rs.getString("appointment_external_id"), rs.getString("message"), rs.getString("details")), id)
                .stream().findFirst();
    }

    /**
     * Links the request to the appointment staff chose, replacing the scorer's link if there was one, and moves a new
     * request to CREATED_IN_GAZELLE. Refused for a COMPLETED or BILLED request (its link is what was done and billed).
     */
    public String link(long requestId, String appointmentId, String by) {
        String appointment = required(appointmentId, "le rendez-vous Gazelle (evt_…)");
        return transaction.execute(status -> {
            Map<String, Object> request = request(requestId);
            String current = (String) request.get("status");
            if (current.equals("COMPLETED") || current.equals("BILLED")) {
                throw new OperationRefusedException("La demande n° " + requestId + " est déjà " + (current.equals("BILLED") ? "facturée"
                        : "complétée") + " : son rendez-vous ne change plus.");
            }
            Integer known = jdbc.queryForObject("SELECT count(*) FROM gazelle_appointments WHERE external_id = ?", Integer.class,
                    appointment);
            if (known == null || known == 0) {
                throw new OperationRefusedException("Rendez-vous Gazelle inconnu : « " + appointment + " ».");
            }
            jdbc.update("""
                    UPDATE pda_request SET appointment_external_id = ?, linked_by = ?, linked_at = now(), updated_at = now()
                    WHERE id = ? AND status NOT IN ('COMPLETED', 'BILLED')""", appointment, by, requestId);
            if (current.equals(PdaStatus.PENDING.name())) {
                jdbc.update("UPDATE pda_request SET status = 'CREATED_IN_GAZELLE' WHERE id = ? AND status = 'PENDING'", requestId);
                jdbc.update("""
                        INSERT INTO pda_request_status_history (pda_request_id, from_status, to_status, changed_by, reason)
                        VALUES (?, 'PENDING', 'CREATED_IN_GAZELLE', ?, ?) ON CONFLICT (pda_request_id, to_status) DO NOTHING""",
                        requestId, by, "Liée à la main au rendez-vous Gazelle " + appointment);
            }
            dashboard.refresh();
            Object previous = request.get("appointment_external_id");
            return "Demande n° " + requestId + " liée au rendez-vous " + appointment
                    + (previous == null || previous.equals(appointment) ? "" : " (au lieu de " + previous + ")") + ".";
        });
    }

    /** Dismisses an orphan appointment; the checks no longer report it. */
    public String dismiss(String appointmentId, String reason, String by) {
        String appointment = required(appointmentId, "le rendez-vous Gazelle (evt_…)");
        String why = required(reason, "la raison");
        return transaction.execute(status -> {
            int added = jdbc.update("""
                    INSERT INTO pda_orphan_dismissal (appointment_external_id, dismissed_by, reason) VALUES (?, ?, ?)
                    ON CONFLICT (appointment_external_id) DO NOTHING""", appointment, by, why);
            return added == 1 ? "Rendez-vous " + appointment + " écarté : « " + why + " »."
                    : "Rendez-vous " + appointment + " déjà écarté (rien n'a changé).";
        });
    }

    /** Accepts the difference an anomaly reported, as it stands now (the value from Gazelle or from the notes). */
    public String accept(long anomalyId, String reason, String by) {
        Item item = anomaly(anomalyId).orElseThrow(() -> new OperationRefusedException("Aucune anomalie n° " + anomalyId + "."));
        if (!item.acceptable() || item.requestId() == null) {
            throw new OperationRefusedException("Seul un écart de stationnement ou de technicien peut être accepté.");
        }
        String value = acceptedValue(item);
        if (value == null) {
            throw new OperationRefusedException("L'anomalie n° " + anomalyId + " ne dit pas quelle valeur accepter.");
        }
        return transaction.execute(status -> {
            jdbc.update("""
                    INSERT INTO pda_accepted_difference (pda_request_id, kind, accepted_value, accepted_by, reason) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (pda_request_id, kind) DO UPDATE SET accepted_value = EXCLUDED.accepted_value,
                        accepted_by = EXCLUDED.accepted_by, accepted_at = now(), reason = EXCLUDED.reason""",
                    item.requestId(), item.kind().name(), value, by, reason == null || reason.isBlank() ? null : reason.strip());
            return (item.kind() == AnomalyKind.PARKING_MISMATCH ? "Écart de stationnement accepté" : "Écart de technicien accepté")
                    + " pour la demande n° " + item.requestId() + " (valeur Gazelle : " + value + ").";
        });
    }

    /** The Gazelle-side value the difference is about: the amount in the notes, or Gazelle's technician. */
    static String acceptedValue(Item item) {
        Object value = item.kind() == AnomalyKind.PARKING_MISMATCH ? item.details().get("fromNotes") : item.details().get("gazelleUserId");
        return value == null ? null : value.toString();
    }

    private Map<String, Object> request(long requestId) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT status, appointment_external_id FROM pda_request WHERE id = ? FOR UPDATE", requestId);
        if (rows.isEmpty()) {
            throw new OperationRefusedException("Aucune demande n° " + requestId + ".");
        }
        return rows.get(0);
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new OperationRefusedException("Précisez " + what + ".");
        }
        return value.strip();
    }

    @SuppressWarnings("unchecked")
    private Item item(long id, String kind, Long requestId, String appointmentId, String message, String details) {
        Map<String, Object> map = details == null ? Map.of() : json.readValue(details, MAP);
        Object candidates = map.get("candidates");
        List<Map<String, Object>> list = candidates instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
        return new Item(id, AnomalyKind.valueOf(kind), requestId, appointmentId, message, map, list);
    }
}
