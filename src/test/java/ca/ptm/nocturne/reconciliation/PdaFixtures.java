package ca.ptm.nocturne.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Requests, appointments and service notes written straight into the tables, as the import and the sync would. */
final class PdaFixtures {

    static final ZoneId MONTREAL = ZoneId.of("America/Montreal");
    static final String PDA_CLIENT = "cli_PDA";

    private final JdbcTemplate jdbc;
    private int sequence;

    PdaFixtures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void pdaClient() {
        jdbc.update("INSERT INTO gazelle_clients (external_id, company_name) VALUES (?, 'Place des Arts')", PDA_CLIENT);
    }

    long request(LocalDate date, LocalTime time, String room, String forWho, String status) {
        return request(date, time, room, forWho, "Steinway D", status, null, null);
    }

    long request(LocalDate date, LocalTime time, String room, String forWho, String piano, String status, String appointmentId,
                 BigDecimal parking) {
        int n = ++sequence;
        Long id = jdbc.queryForObject("""
                INSERT INTO pda_request (legacy_id, business_key, source, request_date, appointment_date, time_24h, room_code,
                                         room_original, for_who, piano_text, appointment_external_id, status, parking_amount)
                VALUES (?, ?, 'manual', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class,
                "pda_test_" + n, "key_" + n, date.minusDays(7), date, time, room, room, forWho, piano, appointmentId, status, parking);
        jdbc.update("INSERT INTO pda_request_status_history (pda_request_id, to_status, changed_by) VALUES (?, ?, 'test')", id, status);
        return id;
    }

    void appointment(String id, String client, String title, String location, LocalDate date, LocalTime time, String status,
                     String technician) {
        ZonedDateTime start = date.atTime(time).atZone(MONTREAL);
        jdbc.update("""
                INSERT INTO gazelle_appointments (external_id, client_external_id, title, location, appointment_date, appointment_time,
                                                  start_datetime, status, technicien, event_type)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'APPOINTMENT')""",
                id, client, title, location, date, time, Timestamp.from(start.toInstant()), status, technician);
    }

    void appointmentPiano(String appointmentId, String pianoId) {
        jdbc.update("INSERT INTO gazelle_appointment_pianos (external_id, appointment_external_id, piano_external_id) VALUES (?, ?, ?)",
                "apk_" + appointmentId + "_" + pianoId, appointmentId, pianoId);
    }

    void serviceNote(String id, String pianoId, String userId, LocalDate day, String text) {
        ZonedDateTime at = day.atTime(17, 0).atZone(MONTREAL);
        jdbc.update("""
                INSERT INTO gazelle_timeline_entries (external_id, client_id, piano_id, user_id, occurred_at, occurred_date, entry_type,
                                                      description, content_signature)
                VALUES (?, ?, ?, ?, ?, ?, 'SERVICE_ENTRY_MANUAL', ?, ?)""",
                id, PDA_CLIENT, pianoId, userId, Timestamp.from(at.toInstant()), day, text, "sig_" + id);
    }

    void technicianUser(String firstName, String gazelleUserId) {
        jdbc.update("UPDATE technician SET gazelle_user_id = ? WHERE first_name = ?", gazelleUserId, firstName);
    }

    String status(long requestId) {
        return jdbc.queryForObject("SELECT status FROM pda_request WHERE id = ?", String.class, requestId);
    }

    String link(long requestId) {
        return jdbc.queryForObject("SELECT appointment_external_id FROM pda_request WHERE id = ?", String.class, requestId);
    }

    BigDecimal parking(long requestId) {
        return jdbc.queryForObject("SELECT parking_amount FROM pda_request WHERE id = ?", BigDecimal.class, requestId);
    }

    List<String> history(long requestId) {
        return jdbc.queryForList("""
                SELECT coalesce(from_status, '') || '>' || to_status || ' ' || changed_by || ' ' || coalesce(reason, '')
                FROM pda_request_status_history WHERE pda_request_id = ? ORDER BY id""", String.class, requestId);
    }

    /** kind|request|appointment of the anomalies of one execution. */
    List<String> anomalies(long jobExecutionId) {
        return jdbc.queryForList("""
                SELECT kind || '|' || coalesce(pda_request_id::text, '') || '|' || coalesce(appointment_external_id, '')
                FROM pda_anomaly WHERE job_execution_id = ? ORDER BY kind, pda_request_id, appointment_external_id""",
                String.class, jobExecutionId);
    }

    /** Everything the reconciliation may change, without timestamps. */
    List<String> snapshot() {
        return jdbc.queryForList("""
                SELECT 'req|' || id || '|' || coalesce(appointment_external_id, '') || '|' || status || '|'
                       || coalesce(parking_amount::text, '') || '|' || coalesce(technician_id::text, '') || '|'
                       || coalesce(technician_gazelle_id, '') || '|' || updated_at FROM pda_request
                UNION ALL SELECT 'hist|' || pda_request_id || '|' || coalesce(from_status, '') || '|' || to_status
                       FROM pda_request_status_history
                ORDER BY 1""", String.class);
    }
}
