package ca.ptm.nocturne.reports.pda;

import ca.ptm.nocturne.reports.format.FrenchFormat;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
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
                   r.billed_at IS NOT NULL AS billed
            FROM pda_request r
            LEFT JOIN venue_room vr ON vr.code = r.room_code
            LEFT JOIN technician t ON t.id = r.technician_id
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
                rs.getString("appointment_external_id"), rs.getBoolean("billed"));
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
