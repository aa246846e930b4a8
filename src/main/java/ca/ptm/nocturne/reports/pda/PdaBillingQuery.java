package ca.ptm.nocturne.reports.pda;

import ca.ptm.nocturne.reports.format.FrenchFormat;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;

/** The requests whose appointment falls in the month, by date then canonical time (no time last). */
public class PdaBillingQuery {

    private static final String SQL = """
            SELECT r.appointment_date, r.time_24h, r.time_text, coalesce(vr.name, r.room_original, r.room_code) AS hall,
                   r.for_who, r.piano_text, r.diapason, r.requester_code,
                   coalesce(t.initials, t.first_name, r.technician_text) AS technician, r.status,
                   coalesce(r.billing_amount, 175.00) AS billing_amount, r.parking_amount, r.appointment_external_id,
                   r.billed_at IS NOT NULL AS billed, a.appointment_date AS gazelle_date, a.appointment_time AS gazelle_time,
                   coalesce(ta.first_name, a.technicien) AS gazelle_technician,
                   note.text AS service_note
            FROM pda_request r
            LEFT JOIN venue_room vr ON vr.code = r.room_code
            LEFT JOIN technician t ON t.id = r.technician_id
            LEFT JOIN gazelle_appointments a ON a.external_id = r.appointment_external_id
            LEFT JOIN technician ta ON ta.gazelle_user_id = a.technicien
            LEFT JOIN LATERAL (
                SELECT string_agg(coalesce(nullif(te.description, ''), te.title), ' / ' ORDER BY te.occurred_at, te.external_id) AS text
                FROM gazelle_timeline_entries te
                WHERE te.entry_type IN ('SERVICE_ENTRY_MANUAL', 'SERVICE_ENTRY_AUTOMATED')
                  AND coalesce(te.occurred_date, (te.occurred_at AT TIME ZONE 'America/Montreal')::date) = a.appointment_date
                  AND te.user_id = a.technicien
                  AND te.piano_id IN (SELECT p.piano_external_id FROM gazelle_appointment_pianos p
                                      WHERE p.appointment_external_id = a.external_id
                                      UNION SELECT a.piano_external_id WHERE a.piano_external_id IS NOT NULL)) note ON true
            WHERE r.appointment_date BETWEEN ? AND ?
            ORDER BY r.appointment_date, r.time_24h NULLS LAST, hall, r.id""";

    private final JdbcTemplate jdbc;

    public PdaBillingQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<PdaRow> requests(YearMonth month) {
        return jdbc.query(SQL, (rs, n) -> row(rs), month.atDay(1), month.atEndOfMonth());
    }

    private static PdaRow row(ResultSet rs) throws SQLException {
        return new PdaRow(rs.getObject("appointment_date", LocalDate.class),
                time(rs.getObject("time_24h", LocalTime.class), rs.getString("time_text")), rs.getString("hall"),
                rs.getString("for_who"), rs.getString("piano_text"), (Integer) rs.getObject("diapason", Integer.class),
                rs.getString("requester_code"), rs.getString("technician"), PdaStatus.valueOf(rs.getString("status")),
                rs.getBigDecimal("billing_amount"), rs.getBigDecimal("parking_amount"),
                rs.getString("appointment_external_id"), rs.getBoolean("billed"),
                appointment(rs.getObject("gazelle_date", LocalDate.class), rs.getObject("gazelle_time", LocalTime.class),
                        rs.getString("gazelle_technician"), rs.getString("appointment_external_id")),
                shortened(rs.getString("service_note")));
    }

    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.CANADA_FRENCH);
    /** Longest service note shown in a cell; the whole note is in Gazelle. */
    static final int NOTE_LENGTH = 80;

    /** « 21 nov. 14 h 30 · Nicolas »; the id alone when the appointment is not in the synced copy. */
    static String appointment(LocalDate date, LocalTime time, String technician, String id) {
        if (date == null) {
            return id;
        }
        StringBuilder out = new StringBuilder(DAY_MONTH.format(date));
        if (time != null) {
            out.append(' ').append(FrenchFormat.time(time));
        }
        if (technician != null && !technician.isBlank()) {
            out.append(" · ").append(technician);
        }
        return out.toString();
    }

    /** One line, at most {@link #NOTE_LENGTH} characters, cut at a word with « … ». */
    static String shortened(String note) {
        if (note == null) {
            return null;
        }
        String flat = note.strip().replaceAll("\\s+", " ");
        if (flat.length() <= NOTE_LENGTH) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', NOTE_LENGTH - 1);
        return flat.substring(0, cut > NOTE_LENGTH / 2 ? cut : NOTE_LENGTH - 1).replaceAll("[\\s,;:.]+$", "") + "…";
    }

    /** "14 h 30", keeping the "avant"/"après" of the request ("avant 10 h"): it tells the technician the deadline. */
    static String time(LocalTime time, String text) {
        if (time == null) {
            return text == null ? "" : text.strip();
        }
        String written = text == null ? "" : text.strip().toLowerCase(Locale.CANADA_FRENCH);
        if (written.startsWith("avant")) {
            return "avant " + FrenchFormat.time(time);
        }
        if (written.startsWith("après") || written.startsWith("apres")) {
            return "après " + FrenchFormat.time(time);
        }
        return FrenchFormat.time(time);
    }

    static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
