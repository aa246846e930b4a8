package ca.ptm.nocturne.reports.maintenance;

import ca.ptm.nocturne.reports.model.Institutions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.StringJoiner;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Service notes (SERVICE_ENTRY_*) and measurements (PIANO_MEASUREMENT) of institutional clients over a period of
 * Montreal days, newest first. The client is the entry's own or, when Gazelle left it empty, its piano's.
 */
public class MaintenanceQuery {

    private static final String DAY = "coalesce(te.occurred_date, (te.occurred_at AT TIME ZONE 'America/Montreal')::date)";

    private static final String SQL = "WITH " + Institutions.CTE + "\nSELECT inst.institution, " + DAY + " AS day, "
            + """
            te.entry_type, te.title, te.description, te.temperature_c, te.humidity_pct, te.pitch_hz,
                   p.make, p.model, p.serial_number, p.type, p.year,
                   coalesce(vp.room_code, nullif(trim(vp.local_text), ''), nullif(trim(p.location), '')) AS local,
                   coalesce(t.first_name || coalesce(' ' || t.last_name, ''),
                            nullif(trim(concat_ws(' ', u.first_name, u.last_name)), ''), te.user_id) AS technician
            FROM gazelle_timeline_entries te
            LEFT JOIN gazelle_pianos p ON p.external_id = te.piano_id
            JOIN inst ON inst.client_id = coalesce(te.client_id, p.client_external_id)
            LEFT JOIN LATERAL (SELECT v.room_code, v.local_text FROM venue_piano v
                               WHERE v.piano_external_id = p.external_id ORDER BY v.id LIMIT 1) vp ON true
            LEFT JOIN gazelle_users u ON u.external_id = te.user_id
            LEFT JOIN technician t ON t.gazelle_user_id = te.user_id AND NOT t.is_placeholder
            WHERE (te.entry_type LIKE 'SERVICE\\_ENTRY\\_%' OR te.entry_type = 'PIANO_MEASUREMENT')
              AND """ + " " + DAY + " BETWEEN ? AND ?\nORDER BY day DESC, te.occurred_at DESC NULLS LAST, te.id DESC";

    private final JdbcTemplate jdbc;

    public MaintenanceQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<MaintenanceRow> entries(LocalDate from, LocalDate to) {
        return jdbc.query(SQL, (rs, n) -> row(rs), from, to);
    }

    private static MaintenanceRow row(ResultSet rs) throws SQLException {
        String description = rs.getString("description");
        if (description == null || description.isBlank()) {
            description = rs.getString("title");
        }
        return new MaintenanceRow(rs.getString("institution"), rs.getObject("day", LocalDate.class), rs.getString("local"),
                piano(rs), rs.getString("technician"), !"PIANO_MEASUREMENT".equals(rs.getString("entry_type")),
                description == null ? "" : description.strip(), rs.getBigDecimal("temperature_c"),
                rs.getBigDecimal("humidity_pct"), rs.getBigDecimal("pitch_hz"));
    }

    /** "Steinway D #597322 (GRAND, 1994)", the spelling of the old nightly sheet. */
    static String piano(ResultSet rs) throws SQLException {
        StringJoiner name = new StringJoiner(" ");
        name.setEmptyValue("");
        for (String part : new String[] {rs.getString("make"), rs.getString("model")}) {
            if (part != null && !part.isBlank()) {
                name.add(part.strip());
            }
        }
        String serial = rs.getString("serial_number");
        if (serial != null && !serial.isBlank()) {
            name.add("#" + serial.strip());
        }
        StringJoiner detail = new StringJoiner(", ", " (", ")");
        detail.setEmptyValue("");
        if (rs.getString("type") != null && !rs.getString("type").isBlank()) {
            detail.add(rs.getString("type").strip());
        }
        if (rs.getObject("year") != null) {
            detail.add(String.valueOf(rs.getInt("year")));
        }
        return (name + detail.toString()).strip();
    }
}
