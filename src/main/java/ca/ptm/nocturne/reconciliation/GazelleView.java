package ca.ptm.nocturne.reconciliation;

import ca.ptm.nocturne.imports.parsing.TextNormalizer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the reconciliation reads of the Gazelle copy and of the reference tables: appointments (Montreal date and time,
 * derived from the UTC start when the local columns are empty), the PdA clients, the halls' spellings, the
 * technicians and the service notes.
 */
@Component
public class GazelleView {

    /** The institutions whose appointments are PdA jobs. */
    static final List<String> PDA_INSTITUTIONS = List.of("place-des-arts", "orchestre-resident");

    /** A technician known by its Gazelle user id. */
    public record TechnicianRef(long id, String gazelleUserId, String name, boolean placeholder) {
    }

    /** A service note: a timeline entry SERVICE_ENTRY_MANUAL/AUTOMATED (the CSV "Service" type included). */
    public record ServiceNote(String externalId, String pianoId, String userId, String createdBy, String text, String signature) {
    }

    private static final String APPOINTMENT_COLUMNS = """
            SELECT external_id, client_external_id, title, description, location, notes,
                   coalesce(appointment_date, (start_datetime AT TIME ZONE 'America/Montreal')::date) AS local_date,
                   coalesce(appointment_time, (start_datetime AT TIME ZONE 'America/Montreal')::time) AS local_time,
                   status, technicien, event_type
            FROM gazelle_appointments
            """;

    private final JdbcTemplate jdbc;

    public GazelleView(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every appointment dated from this day on, whatever its status. */
    public List<Appointment> appointmentsFrom(LocalDate from) {
        return jdbc.query(APPOINTMENT_COLUMNS + """
                 WHERE coalesce(appointment_date, (start_datetime AT TIME ZONE 'America/Montreal')::date) >= ?
                 ORDER BY external_id""", GazelleView::appointment, from);
    }

    public Optional<Appointment> appointment(String externalId) {
        return jdbc.query(APPOINTMENT_COLUMNS + "WHERE external_id = ?", GazelleView::appointment, externalId).stream().findFirst();
    }

    /**
     * The Gazelle clients of PdA and of the resident orchestra: the ids their institutions name, plus any client whose
     * company name folds to one of their names or aliases ("Place des Arts"), the ids being empty in the seeds.
     */
    public PdaClients pdaClients() {
        Set<String> ids = new HashSet<>(jdbc.queryForList("""
                SELECT gazelle_client_external_id FROM institution
                WHERE slug IN ('place-des-arts', 'orchestre-resident') AND gazelle_client_external_id IS NOT NULL""", String.class));
        Set<String> names = new HashSet<>();
        names.add(TextNormalizer.fold("Place des Arts"));
        jdbc.query("""
                SELECT i.name, replace(i.slug, '-', ' ') AS slug, a.alias FROM institution i
                LEFT JOIN institution_alias a ON a.institution_id = i.id
                WHERE i.slug IN ('place-des-arts', 'orchestre-resident')""", rs -> {
            names.add(TextNormalizer.fold(rs.getString("name")));
            names.add(TextNormalizer.fold(rs.getString("slug")));
            if (rs.getString("alias") != null) {
                names.add(TextNormalizer.fold(rs.getString("alias")));
            }
        });
        jdbc.query("SELECT external_id, company_name FROM gazelle_clients WHERE company_name IS NOT NULL", rs -> {
            if (names.contains(TextNormalizer.fold(rs.getString("company_name")))) {
                ids.add(rs.getString("external_id"));
            }
        });
        return new PdaClients(ids);
    }

    public HallVocabulary halls() {
        HallVocabulary.Builder builder = HallVocabulary.builder();
        jdbc.query("SELECT code FROM venue_room", rs -> {
            builder.hall(rs.getString("code"));
        });
        jdbc.query("SELECT alias, match_kind, room_code FROM venue_room_alias", rs -> {
            builder.alias(rs.getString("room_code"), rs.getString("alias"), "all_words".equals(rs.getString("match_kind")));
        });
        return builder.build();
    }

    /** Technicians by Gazelle user id. */
    public Map<String, TechnicianRef> techniciansByGazelleId() {
        Map<String, TechnicianRef> out = new HashMap<>();
        jdbc.query("SELECT id, gazelle_user_id, first_name, last_name, is_placeholder FROM technician WHERE gazelle_user_id IS NOT NULL",
                rs -> {
                    String last = rs.getString("last_name");
                    out.put(rs.getString("gazelle_user_id"), new TechnicianRef(rs.getLong("id"), rs.getString("gazelle_user_id"),
                            rs.getString("first_name") + (last == null ? "" : " " + last), rs.getBoolean("is_placeholder")));
                });
        return out;
    }

    /** The pianos of an appointment: its appointment-piano links and its own piano column. */
    public Set<String> pianosOf(String appointmentExternalId) {
        return new HashSet<>(jdbc.queryForList("""
                SELECT piano_external_id FROM gazelle_appointment_pianos WHERE appointment_external_id = ?
                UNION
                SELECT piano_external_id FROM gazelle_appointments WHERE external_id = ? AND piano_external_id IS NOT NULL""",
                String.class, appointmentExternalId, appointmentExternalId));
    }

    /** The service notes of these pianos on this Montreal day, API entries (tme_) before CSV ones (tle_). */
    public List<ServiceNote> serviceNotes(Set<String> pianoIds, LocalDate day) {
        if (pianoIds.isEmpty()) {
            return List.of();
        }
        return new NamedParameterJdbcTemplate(jdbc).query("""
                SELECT external_id, piano_id, user_id, metadata ->> 'createdBy' AS created_by,
                       concat_ws(E'\\n', title, description) AS text, content_signature
                FROM gazelle_timeline_entries
                WHERE entry_type IN ('SERVICE_ENTRY_MANUAL', 'SERVICE_ENTRY_AUTOMATED')
                  AND coalesce(occurred_date, (occurred_at AT TIME ZONE 'America/Montreal')::date) = :day
                  AND piano_id IN (:pianos)
                ORDER BY CASE WHEN external_id LIKE 'tme\\_%' THEN 0 ELSE 1 END, occurred_at, external_id""",
                new MapSqlParameterSource("day", day).addValue("pianos", pianoIds),
                (rs, n) -> new ServiceNote(rs.getString("external_id"), rs.getString("piano_id"), rs.getString("user_id"),
                        rs.getString("created_by"), rs.getString("text"), rs.getString("content_signature")));
    }

    /** Orphan appointments staff dismissed. */
    public Set<String> dismissedOrphans() {
        return new HashSet<>(jdbc.queryForList("SELECT appointment_external_id FROM pda_orphan_dismissal", String.class));
    }

    private static Appointment appointment(ResultSet rs, int row) throws SQLException {
        return new Appointment(rs.getString("external_id"), rs.getString("client_external_id"), rs.getString("title"),
                rs.getString("description"), rs.getString("location"), rs.getString("notes"),
                rs.getObject("local_date", LocalDate.class), rs.getObject("local_time", LocalTime.class),
                rs.getString("status"), rs.getString("technicien"), rs.getString("event_type"));
    }
}
