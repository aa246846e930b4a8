package ca.ptm.nocturne.reconciliation;

import ca.ptm.nocturne.imports.pda.PdaStatus;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads and changes Place des Arts requests for the reconciliation. Every change is guarded in its WHERE clause (never
 * a BILLED row, never a link over another link, a status only from the one read), so a change made by someone else
 * in the meantime wins and a replayed step changes nothing.
 */
@Component
public class PdaRequestStore {

    public static final String CHANGED_BY = "pda-reconcile";

    private final JdbcTemplate jdbc;

    public PdaRequestStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every request whose appointment is dated from this day on, whatever its status, in id order. */
    public List<PdaRequestRow> from(LocalDate from) {
        return jdbc.query("""
                SELECT id, request_date, appointment_date, time_24h, room_code, room_original, for_who, piano_text,
                       piano_external_id, technician_id, technician_gazelle_id, appointment_external_id, status, parking_amount
                FROM pda_request WHERE appointment_date >= ? ORDER BY id""", PdaRequestStore::row, from);
    }

    /** When each request dated from this day on was imported (created_at): its arrival when the file gave no date. */
    public Map<Long, Instant> importedAt(LocalDate from) {
        Map<Long, Instant> out = new HashMap<>();
        jdbc.query("SELECT id, created_at FROM pda_request WHERE appointment_date >= ?",
                rs -> {
                    out.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
                }, from);
        return out;
    }

    /** Requests linked to these appointments, whatever their date and status. */
    public List<PdaRequestRow> linkedTo(String appointmentExternalId) {
        return jdbc.query("""
                SELECT id, request_date, appointment_date, time_24h, room_code, room_original, for_who, piano_text,
                       piano_external_id, technician_id, technician_gazelle_id, appointment_external_id, status, parking_amount
                FROM pda_request WHERE appointment_external_id = ? ORDER BY id""", PdaRequestStore::row, appointmentExternalId);
    }

    /** Every appointment some request is linked to, whatever the request's date and status. */
    public Set<String> linkedAppointmentIds() {
        return new HashSet<>(jdbc.queryForList(
                "SELECT DISTINCT appointment_external_id FROM pda_request WHERE appointment_external_id IS NOT NULL", String.class));
    }

    /** Appointments linked to more than one request, one of them dated from this day on: appointment → request ids. */
    public Map<String, List<Long>> sharedAppointments(LocalDate from) {
        Map<String, List<Long>> out = new LinkedHashMap<>();
        jdbc.query("""
                SELECT appointment_external_id, id FROM pda_request
                WHERE appointment_external_id IN (
                    SELECT appointment_external_id FROM pda_request WHERE appointment_external_id IS NOT NULL
                    GROUP BY appointment_external_id HAVING count(*) > 1 AND max(appointment_date) >= ?)
                ORDER BY appointment_external_id, id""", rs -> {
            out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2));
        }, from);
        return out;
    }

    /** @return true when the request was unlinked and not billed, and is now linked */
    public boolean link(long requestId, String appointmentExternalId) {
        return jdbc.update("""
                UPDATE pda_request SET appointment_external_id = ?, updated_at = now()
                WHERE id = ? AND appointment_external_id IS NULL AND status <> 'BILLED'""", appointmentExternalId, requestId) == 1;
    }

    /** Moves the status one step forward and writes the history row; false when the status was no longer {@code from}. */
    public boolean advance(long requestId, PdaStatus from, PdaStatus to, String reason) {
        return advance(requestId, from, to, reason, CHANGED_BY);
    }

    /** {@link #advance(long, PdaStatus, PdaStatus, String)} recorded under another name (the completion check). */
    public boolean advance(long requestId, PdaStatus from, PdaStatus to, String reason, String changedBy) {
        if (to.ordinal() <= from.ordinal() || to == PdaStatus.BILLED) {
            throw new IllegalArgumentException("Statut " + from + " → " + to + " : seul un passage en avant, hors BILLED, est permis");
        }
        int changed = jdbc.update("UPDATE pda_request SET status = ?, updated_at = now() WHERE id = ? AND status = ?",
                to.name(), requestId, from.name());
        if (changed == 0) {
            return false;
        }
        jdbc.update("""
                INSERT INTO pda_request_status_history (pda_request_id, from_status, to_status, changed_by, reason)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (pda_request_id, to_status) DO NOTHING""",
                requestId, from.name(), to.name(), changedBy, reason);
        return true;
    }

    /** Fills the technician fields that are still empty; never replaces one already there. */
    public boolean fillTechnician(long requestId, Long technicianId, String gazelleUserId) {
        return jdbc.update("""
                UPDATE pda_request SET technician_id = coalesce(technician_id, ?),
                                       technician_gazelle_id = coalesce(technician_gazelle_id, ?), updated_at = now()
                WHERE id = ? AND status <> 'BILLED'
                  AND ((technician_id IS NULL AND ?::bigint IS NOT NULL) OR (technician_gazelle_id IS NULL AND ?::text IS NOT NULL))""",
                technicianId, gazelleUserId, requestId, technicianId, gazelleUserId) == 1;
    }

    /** Sets the parking amount of a request that has none. */
    public boolean fillParking(long requestId, BigDecimal amount) {
        return jdbc.update("""
                UPDATE pda_request SET parking_amount = ?, updated_at = now()
                WHERE id = ? AND parking_amount IS NULL AND status <> 'BILLED'""", amount, requestId) == 1;
    }

    /** True when staff accepted this difference with this very value (the one from Gazelle or the notes). */
    public boolean accepted(long requestId, AnomalyKind kind, String value) {
        Integer n = jdbc.queryForObject(
                "SELECT count(*) FROM pda_accepted_difference WHERE pda_request_id = ? AND kind = ? AND accepted_value = ?",
                Integer.class, requestId, kind.name(), value);
        return n != null && n > 0;
    }

    private static PdaRequestRow row(ResultSet rs, int n) throws SQLException {
        return new PdaRequestRow(rs.getLong("id"), rs.getObject("request_date", LocalDate.class),
                rs.getObject("appointment_date", LocalDate.class), rs.getObject("time_24h", LocalTime.class),
                rs.getString("room_code"), rs.getString("room_original"), rs.getString("for_who"), rs.getString("piano_text"),
                rs.getString("piano_external_id"), rs.getObject("technician_id", Long.class), rs.getString("technician_gazelle_id"),
                rs.getString("appointment_external_id"), PdaStatus.valueOf(rs.getString("status")),
                rs.getBigDecimal("parking_amount"));
    }
}
