package ca.ptm.nocturne.reports.maintenance;

import ca.ptm.nocturne.maintenance.AlertKind;
import ca.ptm.nocturne.reports.format.FrenchFormat;
import ca.ptm.nocturne.reports.model.Institutions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Collator;
import java.time.LocalDate;
import java.util.List;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Service notes (SERVICE_ENTRY_*) and measurements (PIANO_MEASUREMENT) of institutional clients over a period of
 * Montreal days, institution by institution in French order, newest first within each. The client is the entry's
 * own or, when Gazelle left it empty, its piano's.
 *
 * <p>The rows are streamed in print order, so the report never holds them: the database sorts them, and it is told
 * the French order of the institutions (a Java {@link Collator}, the one the other reports use; PostgreSQL's own
 * collation may not be French) as an array of names to rank by.
 */
public class MaintenanceQuery {

    /** Rows per round trip of the cursor: large enough to cost nothing in latency, small enough to cost nothing in heap. */
    static final int FETCH_SIZE = 1000;

    private static final String DAY = "coalesce(te.occurred_date, (te.occurred_at AT TIME ZONE 'America/Montreal')::date)";

    private static final String INSTITUTIONS = "WITH " + Institutions.CTE + "\nSELECT DISTINCT institution FROM inst";

    // The overlay of a piano is its first venue_piano row, joined by hash: a LATERAL ... LIMIT 1 would scan the
    // overlay table once per entry (20 s for 300,000 entries; the column has no index).
    private static final String SQL = ("WITH " + Institutions.CTE + """
            ,
            overlay AS (
                SELECT DISTINCT ON (v.piano_external_id) v.piano_external_id, v.room_code, v.local_text
                FROM venue_piano v WHERE v.piano_external_id IS NOT NULL
                ORDER BY v.piano_external_id, v.id
            ),
            log AS (
                SELECT inst.institution, {day} AS day, te.entry_type, te.title, te.description,
                       te.temperature_c, te.humidity_pct, te.pitch_hz, te.piano_id, te.user_id,
                       te.metadata ->> 'createdBy' AS created_by, NULL::text AS alert_type, false AS alert_resolved, te.occurred_at AS at, te.id AS tie
                FROM gazelle_timeline_entries te
                LEFT JOIN gazelle_pianos p ON p.external_id = te.piano_id
                JOIN inst ON inst.client_id = coalesce(te.client_id, p.client_external_id)
                WHERE (te.entry_type LIKE 'SERVICE\\_ENTRY\\_%' OR te.entry_type = 'PIANO_MEASUREMENT')
                  AND {day} BETWEEN ? AND ?
                UNION ALL
                -- the maintenance alerts of the period, as rows of their own (Type "Alerte")
                SELECT inst.institution, a.observed_on, 'ALERT', NULL, a.description, NULL, NULL, NULL,
                       coalesce(a.piano_external_id, te.piano_id), te.user_id, te.metadata ->> 'createdBy', a.alert_type, a.resolved, a.observed_at, -a.id
                FROM maintenance_alert a
                LEFT JOIN gazelle_timeline_entries te ON te.external_id = a.timeline_external_id
                LEFT JOIN gazelle_pianos ap ON ap.external_id = a.piano_external_id
                JOIN inst ON inst.client_id = coalesce(a.client_external_id, ap.client_external_id)
                WHERE a.observed_on BETWEEN ? AND ?
            )
            SELECT log.institution, log.day, log.entry_type, log.title, log.description,
                   log.temperature_c, log.humidity_pct, log.pitch_hz, p.make, p.model, p.serial_number, p.type, p.year,
                   coalesce(vp.room_code, nullif(trim(vp.local_text), ''), nullif(trim(p.location), '')) AS local,
                   coalesce(t.first_name || coalesce(' ' || t.last_name, ''),
                            nullif(trim(concat_ws(' ', u.first_name, u.last_name)), ''), log.user_id,
                            nullif(trim(log.created_by), '')) AS technician,
                   log.alert_type, log.alert_resolved
            FROM log
            LEFT JOIN gazelle_pianos p ON p.external_id = log.piano_id
            LEFT JOIN overlay vp ON vp.piano_external_id = p.external_id
            LEFT JOIN gazelle_users u ON u.external_id = log.user_id
            LEFT JOIN technician t ON t.gazelle_user_id = log.user_id AND NOT t.is_placeholder
            ORDER BY array_position(?::text[], log.institution), log.day DESC, log.at DESC NULLS LAST, log.tie DESC
            """).replace("{day}", DAY);

    private final JdbcTemplate jdbc;
    private final JdbcTemplate cursor;

    public MaintenanceQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        // PostgreSQL fetches FETCH_SIZE rows at a time only with a fetch size and autocommit off (the caller's
        // transaction); otherwise the driver reads the whole result into memory before the first row.
        this.cursor = new JdbcTemplate(jdbc.getDataSource());
        this.cursor.setFetchSize(FETCH_SIZE);
    }

    /**
     * The entries of the period, in print order, read as they are consumed. Call inside a transaction and close the
     * stream (it holds the cursor).
     */
    public Stream<MaintenanceRow> entries(LocalDate from, LocalDate to) {
        String[] order = institutionsInFrenchOrder().toArray(String[]::new);
        return cursor.queryForStream(SQL, (rs, n) -> row(rs), from, to, from, to, order);
    }

    List<String> institutionsInFrenchOrder() {
        TreeSet<String> names = new TreeSet<>(Collator.getInstance(FrenchFormat.LOCALE));
        names.addAll(jdbc.queryForList(INSTITUTIONS, String.class));
        return List.copyOf(names);
    }

    private static MaintenanceRow row(ResultSet rs) throws SQLException {
        String description = rs.getString("description");
        if (description == null || description.isBlank()) {
            description = rs.getString("title");
        }
        String alertType = rs.getString("alert_type");
        if (alertType != null) {
            return new MaintenanceRow(rs.getString("institution"), rs.getObject("day", LocalDate.class), rs.getString("local"),
                    piano(rs), rs.getString("technician"), false, description == null ? "" : description.strip(), null, null,
                    null, AlertKind.ofCode(alertType).label(), rs.getBoolean("alert_resolved"));
        }
        Readings readings = Readings.of(rs.getBigDecimal("temperature_c"), rs.getBigDecimal("humidity_pct"),
                rs.getBigDecimal("pitch_hz"), rs.getString("title"), rs.getString("description"));
        return new MaintenanceRow(rs.getString("institution"), rs.getObject("day", LocalDate.class), rs.getString("local"),
                piano(rs), rs.getString("technician"), !"PIANO_MEASUREMENT".equals(rs.getString("entry_type")),
                description == null ? "" : description.strip(), readings.temperature(), readings.humidity(),
                readings.pitch());
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
