package ca.ptm.nocturne.maintenance;

import ca.ptm.nocturne.operations.OperationRefusedException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** maintenance_alert: the night's new alerts, the open ones, and their resolution (audited). */
@Repository
public class MaintenanceAlerts {

    /** An alert as people read it: where, what, since when. */
    public record Alert(long id, AlertKind kind, String institution, String piano, String local, LocalDate observedOn,
                        String description, boolean resolved, String resolvedBy) {
    }

    private static final String SELECT = """
            SELECT a.id, a.alert_type, a.observed_on, a.description, a.resolved, a.resolved_by,
                   coalesce(i.name, nullif(trim(c.company_name), ''), a.client_external_id) AS institution,
                   trim(concat_ws(' ', p.make, p.model, CASE WHEN p.serial_number IS NOT NULL THEN '#' || p.serial_number END)) AS piano,
                   coalesce(v.room_code, nullif(trim(v.local_text), ''), nullif(trim(p.location), '')) AS local
            FROM maintenance_alert a
            LEFT JOIN gazelle_pianos p ON p.external_id = a.piano_external_id
            LEFT JOIN gazelle_clients c ON c.external_id = coalesce(a.client_external_id, p.client_external_id)
            LEFT JOIN institution i ON i.gazelle_client_external_id = c.external_id
            LEFT JOIN LATERAL (SELECT room_code, local_text FROM venue_piano vp
                               WHERE vp.piano_external_id = a.piano_external_id ORDER BY vp.id LIMIT 1) v ON true
            """;

    private final JdbcTemplate jdbc;

    public MaintenanceAlerts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The alerts recorded by any execution of a job instance: a restarted night still mails the ones it found. */
    public List<Alert> newOfJobInstance(long jobInstanceId) {
        return jdbc.query(SELECT + """
                WHERE a.job_execution_id IN (SELECT job_execution_id FROM batch.batch_job_execution WHERE job_instance_id = ?)
                ORDER BY institution, a.observed_on DESC, a.id""", (rs, n) -> alert(rs), jobInstanceId);
    }

    public List<Alert> open() {
        return jdbc.query(SELECT + " WHERE NOT a.resolved ORDER BY a.observed_on DESC, a.id", (rs, n) -> alert(rs));
    }

    /**
     * Marks an alert resolved by a named person, once: resolving it again is refused (the first resolution stays).
     * The console_audit table records who did it, as for the console's own actions.
     */
    @Transactional
    public Alert resolve(long id, String by) {
        if (by == null || by.isBlank()) {
            throw new OperationRefusedException("Indiquez qui résout l'alerte : --by=NOM");
        }
        List<Alert> found = jdbc.query(SELECT + " WHERE a.id = ?", (rs, n) -> alert(rs), id);
        if (found.isEmpty()) {
            throw new OperationRefusedException("Aucune alerte n° " + id + ".");
        }
        if (found.get(0).resolved()) {
            throw new OperationRefusedException("L'alerte n° " + id + " est déjà résolue (par " + found.get(0).resolvedBy() + ").");
        }
        jdbc.update("UPDATE maintenance_alert SET resolved = true, resolved_at = now(), resolved_by = ? WHERE id = ? AND NOT resolved",
                by.strip(), id);
        jdbc.update("INSERT INTO console_audit (who, action, outcome, message) VALUES (?, ?, 'DONE', ?)", by.strip(),
                "alerts resolve " + id, "Alerte « " + found.get(0).kind().label() + " » résolue : " + found.get(0).description());
        return jdbc.query(SELECT + " WHERE a.id = ?", (rs, n) -> alert(rs), id).get(0);
    }

    private static Alert alert(java.sql.ResultSet rs) throws java.sql.SQLException {
        String piano = rs.getString("piano");
        return new Alert(rs.getLong("id"), AlertKind.ofCode(rs.getString("alert_type")), rs.getString("institution"),
                piano == null || piano.isBlank() ? "" : piano, rs.getString("local"), rs.getObject("observed_on", LocalDate.class),
                rs.getString("description"), rs.getBoolean("resolved"), rs.getString("resolved_by"));
    }
}
