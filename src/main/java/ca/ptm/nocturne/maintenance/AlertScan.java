package ca.ptm.nocturne.maintenance;

import ca.ptm.nocturne.gazelle.mapping.MeasurementExtractor;
import ca.ptm.nocturne.reports.format.FrenchFormat;
import ca.ptm.nocturne.reports.model.Institutions;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Finds the maintenance alerts of the days before a run date in the institutional service notes and measurements:
 * DOMAIN.md's keyword kinds, a humidity reading outside the band, and a PLS piano whose readings were outside the band
 * at two visits in a row. Each alert is inserted once per (timeline entry, kind): a re-run, a restart or the next
 * night finds it again and adds nothing, and an alert someone resolved stays resolved.
 */
@Service
public class AlertScan {

    /** How far back the previous reading of a PLS piano is looked for. */
    static final int PLS_LOOKBACK_DAYS = 180;

    private static final String DAY = "coalesce(te.occurred_date, (te.occurred_at AT TIME ZONE 'America/Montreal')::date)";

    private static final String ENTRIES = ("WITH " + Institutions.CTE + """
            SELECT te.external_id, te.piano_id, coalesce(te.client_id, p.client_external_id) AS client_id, te.occurred_at,
                   {day} AS day, te.entry_type, te.title, te.description, te.humidity_pct,
                   coalesce(p.dampp_chaser_installed, false) AS pls
            FROM gazelle_timeline_entries te
            LEFT JOIN gazelle_pianos p ON p.external_id = te.piano_id
            JOIN inst ON inst.client_id = coalesce(te.client_id, p.client_external_id)
            WHERE (te.entry_type LIKE 'SERVICE\\_ENTRY\\_%' OR te.entry_type = 'PIANO_MEASUREMENT')
              AND te.external_id IS NOT NULL AND {day} BETWEEN ? AND ?
            ORDER BY te.piano_id, te.occurred_at, te.external_id
            """).replace("{day}", DAY);

    private static final String INSERT = """
            INSERT INTO maintenance_alert (timeline_external_id, piano_external_id, client_external_id, alert_type,
                description, observed_at, observed_on, humidity_pct, job_execution_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (timeline_external_id, alert_type) DO NOTHING""";

    record Entry(String id, String piano, String client, Instant at, LocalDate day, boolean service, String text,
                         BigDecimal humidity, boolean pls) {
    }

    /** An alert about to be recorded. */
    record Alert(Entry entry, AlertKind kind, String description) {
    }

    private final JdbcTemplate jdbc;
    private final AlertProperties properties;

    public AlertScan(JdbcTemplate jdbc, AlertProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** @return the number of alerts recorded now (those found before are not counted again) */
    public int scan(LocalDate runDate, Long jobExecutionId) {
        LocalDate from = runDate.minusDays(properties.days());
        List<Entry> entries = jdbc.query(ENTRIES, (rs, n) -> {
            String text = join(rs.getString("title"), rs.getString("description"));
            BigDecimal humidity = rs.getBigDecimal("humidity_pct");
            if (humidity == null) {
                humidity = MeasurementExtractor.extract(text).humidityPct();
            }
            return new Entry(rs.getString("external_id"), rs.getString("piano_id"), rs.getString("client_id"),
                    rs.getTimestamp("occurred_at").toInstant(), rs.getObject("day", LocalDate.class),
                    !"PIANO_MEASUREMENT".equals(rs.getString("entry_type")), text, humidity, rs.getBoolean("pls"));
        }, from.minusDays(PLS_LOOKBACK_DAYS), runDate);
        int recorded = 0;
        for (Alert alert : alerts(entries, from)) {
            recorded += jdbc.update(INSERT, alert.entry().id(), alert.entry().piano(), alert.entry().client(),
                    alert.kind().code(), alert.description(), Timestamp.from(alert.entry().at()), alert.entry().day(),
                    alert.entry().humidity(), jobExecutionId);
        }
        return recorded;
    }

    /** The alerts of the entries dated from {@code from} on; older entries only serve as a PLS piano's previous visit. */
    List<Alert> alerts(List<Entry> entries, LocalDate from) {
        List<Alert> alerts = new ArrayList<>();
        Map<String, Entry> lastReading = new HashMap<>();
        for (Entry entry : entries) {
            Entry previous = entry.piano() == null ? null : lastReading.get(entry.piano());
            if (entry.piano() != null && entry.humidity() != null) {
                lastReading.put(entry.piano(), entry);
            }
            if (entry.day().isBefore(from)) {
                continue;
            }
            if (entry.service()) {
                for (AlertKeywords.Found found : AlertKeywords.find(entry.text())) {
                    alerts.add(new Alert(entry, found.kind(), shorten(entry.text())));
                }
            }
            if (properties.outOfBand(entry.humidity())) {
                alerts.add(new Alert(entry, AlertKind.HUMIDITE, "Humidité " + FrenchFormat.number(entry.humidity())
                        + " % hors de la plage " + band()));
                if (entry.pls() && previous != null && properties.outOfBand(previous.humidity())) {
                    alerts.add(new Alert(entry, AlertKind.PLS, "PLS installé, mais humidité hors de la plage " + band()
                            + " à deux visites de suite : " + FrenchFormat.number(previous.humidity()) + " % le "
                            + FrenchFormat.date(previous.day()) + ", puis " + FrenchFormat.number(entry.humidity()) + " % le "
                            + FrenchFormat.date(entry.day())));
                }
            }
        }
        return alerts;
    }

    private String band() {
        return FrenchFormat.number(properties.humidityMin()) + " à " + FrenchFormat.number(properties.humidityMax()) + " %";
    }

    private static String shorten(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 300 ? line : line.substring(0, 299) + "…";
    }

    private static String join(String title, String description) {
        if (description == null || description.isBlank()) {
            return title == null ? "" : title;
        }
        return title == null || title.isBlank() || description.contains(title) ? description : title + "\n" + description;
    }

    /** Test seam: an entry as the query reads it. */
    static Entry entry(String id, String piano, LocalDate day, boolean service, String text, BigDecimal humidity, boolean pls) {
        return new Entry(id, piano, "cli_x", day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), day, service,
                text, humidity, pls);
    }
}
