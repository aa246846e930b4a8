package ca.ptm.nocturne.reports.inventory;

import ca.ptm.nocturne.reports.model.Institutions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the institutional pianos: gazelle_pianos of the institutional clients, with the venue_piano overlay matched
 * on the Gazelle id. Hidden pianos (Gazelle tag "non" or the overlay's hidden flag) are left out here.
 */
public class PianoInventoryQuery {

    // The overlay of a piano: its venue_piano row of the piano's own institution first, then the oldest. Chosen
    // with DISTINCT ON and joined by hash: a LATERAL ... LIMIT 1 scans the overlay table once per piano (the column
    // has no index), a second for 10,000 pianos.
    private static final String SQL = "WITH " + Institutions.CTE + """
            ,
            overlay AS (
                SELECT DISTINCT ON (v.piano_external_id) v.*
                FROM venue_piano v
                JOIN gazelle_pianos op ON op.external_id = v.piano_external_id
                JOIN inst oi ON oi.client_id = op.client_external_id
                ORDER BY v.piano_external_id, (v.institution_id IS NOT DISTINCT FROM oi.institution_id) DESC, v.id
            )
            SELECT inst.institution, p.make, p.model, p.serial_number, p.type, p.year, p.status,
                   coalesce(p.dampp_chaser_installed, false) AS pls, p.service_interval_months,
                   coalesce(p.last_service_on, vp.last_tuned_on) AS last_service, p.next_service_on,
                   coalesce(vp.room_code, nullif(trim(vp.local_text), ''), nullif(trim(p.location), '')) AS local,
                   vp.piano_type, vp.todo, nullif(trim(vp.priority), '') AS priority
            FROM gazelle_pianos p
            JOIN inst ON inst.client_id = p.client_external_id
            LEFT JOIN overlay vp ON vp.piano_external_id = p.external_id
            WHERE NOT coalesce(vp.hidden, false)
              AND NOT EXISTS (SELECT 1 FROM unnest(coalesce(p.tags, '{}'::text[])) t WHERE lower(trim(t)) = 'non')
            """;

    private final JdbcTemplate jdbc;

    public PianoInventoryQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<PianoRow> pianos(LocalDate runDate) {
        return jdbc.query(SQL, (rs, n) -> row(rs, runDate));
    }

    /** What the fleet overlay could not pair, per institution: inventory rows and Gazelle pianos on their own. */
    public record Leftovers(List<String> onlyInFile, List<String> onlyInGazelle) {
    }

    // Only institutions that have an inventory file: without one, every Gazelle piano would be a leftover.
    private static final String ONLY_IN_FILE = """
            SELECT i.name AS institution,
                   concat_ws(' · ', coalesce(v.room_code, nullif(trim(v.local_text), ''), '?'), nullif(trim(v.piano_text), ''),
                             CASE WHEN v.serial_raw IS NOT NULL THEN 'n° ' || v.serial_raw END,
                             CASE WHEN v.link_note IS NOT NULL THEN '(' || v.link_note || ')' END) AS label
            FROM venue_piano v JOIN institution i ON i.id = v.institution_id
            WHERE v.piano_external_id IS NULL AND NOT v.hidden AND i.gazelle_client_external_id IS NOT NULL
            ORDER BY i.name, v.room_code NULLS LAST, v.local_text, v.id""";

    private static final String ONLY_IN_GAZELLE = """
            SELECT i.name AS institution,
                   concat_ws(' · ', coalesce(nullif(trim(p.location), ''), '?'), nullif(trim(concat_ws(' ', p.make, p.model)), ''),
                             CASE WHEN p.serial_number IS NOT NULL THEN 'n° ' || p.serial_number END, p.external_id) AS label
            FROM gazelle_pianos p JOIN institution i ON i.gazelle_client_external_id = p.client_external_id
            WHERE EXISTS (SELECT 1 FROM venue_piano f WHERE f.institution_id = i.id)
              AND NOT EXISTS (SELECT 1 FROM venue_piano v WHERE v.piano_external_id = p.external_id)
              AND NOT EXISTS (SELECT 1 FROM unnest(coalesce(p.tags, '{}'::text[])) t WHERE lower(trim(t)) = 'non')
            ORDER BY i.name, p.location NULLS LAST, p.make, p.external_id""";

    public Map<String, Leftovers> leftovers() {
        Map<String, Leftovers> byInstitution = new HashMap<>();
        jdbc.query(ONLY_IN_FILE, rs -> {
            byInstitution.computeIfAbsent(rs.getString("institution"), k -> new Leftovers(new ArrayList<>(), new ArrayList<>()))
                    .onlyInFile().add(rs.getString("label"));
        });
        jdbc.query(ONLY_IN_GAZELLE, rs -> {
            byInstitution.computeIfAbsent(rs.getString("institution"), k -> new Leftovers(new ArrayList<>(), new ArrayList<>()))
                    .onlyInGazelle().add(rs.getString("label"));
        });
        return byInstitution;
    }

    private static PianoRow row(ResultSet rs, LocalDate runDate) throws SQLException {
        boolean active = !"INACTIVE".equalsIgnoreCase(rs.getString("status"));
        Integer interval = (Integer) rs.getObject("service_interval_months");
        LocalDate last = rs.getObject("last_service", LocalDate.class);
        LocalDate next = rs.getObject("next_service_on", LocalDate.class);
        if (next == null && last != null && interval != null && interval > 0) {
            next = last.plusMonths(interval);
        }
        Long overdue = active && next != null && next.isBefore(runDate) ? ChronoUnit.DAYS.between(next, runDate) : null;
        return new PianoRow(rs.getString("institution"), rs.getString("local"), rs.getString("make"),
                rs.getString("model"), rs.getString("serial_number"), typeLabel(rs.getString("type"), rs.getString("piano_type")),
                (Integer) rs.getObject("year"), active, statusLabel(rs.getString("status")), rs.getBoolean("pls"),
                last, next, interval, overdue, rs.getString("todo"), rs.getString("priority"));
    }

    /** Gazelle's types (UPRIGHT, CONSOLE, SPINET, GRAND, BABY_GRAND, DIGITAL…) in the staff's three words. */
    static String typeLabel(String gazelleType, String overlayType) {
        String type = gazelleType != null && !gazelleType.isBlank() ? gazelleType : overlayType;
        if (type == null || type.isBlank()) {
            return "";
        }
        String upper = type.toUpperCase(Locale.ROOT);
        if (upper.contains("DIGITAL") || upper.contains("NUM")) {
            return "numérique";
        }
        if (upper.contains("GRAND") || upper.contains("QUEUE")) {
            return "queue";
        }
        if (upper.contains("UPRIGHT") || upper.contains("CONSOLE") || upper.contains("SPINET") || upper.contains("STUDIO")
                || upper.contains("DROIT") || upper.contains("VERTICAL")) {
            return "droit";
        }
        return type.toLowerCase(Locale.CANADA_FRENCH);
    }

    static String statusLabel(String status) {
        if (status == null || status.isBlank()) {
            return "";
        }
        return "INACTIVE".equalsIgnoreCase(status) ? "Inactif" : "ACTIVE".equalsIgnoreCase(status) ? "Actif" : status;
    }
}
