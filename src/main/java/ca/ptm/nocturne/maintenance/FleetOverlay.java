package ca.ptm.nocturne.maintenance;

import ca.ptm.nocturne.gazelle.mapping.PianoSerials;
import ca.ptm.nocturne.imports.parsing.TextNormalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The fleet overlay: links each institution's inventory file rows (venue_piano) to the Gazelle pianos of that
 * institution's client, so the file's room, priority and to-do reach the reports.
 *
 * <ol>
 * <li>An institution without a Gazelle client is linked to the one client whose company name is the institution's
 * name, slug or one of its aliases (folded); several candidates, none linked.</li>
 * <li>By normalised serial (upper case, no spaces; a model glued in front of the serial, "B2PMJ2040123" for model
 * B2PM, is stripped on either side): linked when exactly one Gazelle piano and exactly one file row share it.</li>
 * <li>When the file row has no serial: make and model (every word of both in the file's "Piano" text) and room
 * (the file's room equals Gazelle's location, folded): linked when exactly one Gazelle piano fits and it is not linked
 * to another row.</li>
 * </ol>
 * Anything else is never guessed: a tie or a partial fit (same make and room, other model…) stays unlinked with the
 * reason in {@code link_note}, and the inventory lists it as a leftover. A link set by hand ({@code link_method =
 * 'manual'}, or an id present before the overlay existed) is never changed. Nothing is deleted.
 */
@Service
public class FleetOverlay {

    private static final Logger log = LoggerFactory.getLogger(FleetOverlay.class);

    /** @param linked rows linked now; unlinked rows with a serial or make left unlinked (tie or weak) */
    public record Outcome(int linked, int unlinked, int institutionsLinked) {
    }

    record FileRow(long id, String serial, String pianoText, String room, String currentPiano, String method) {
        boolean manual() {
            return "manual".equals(method) || (method == null && currentPiano != null);
        }
    }

    record GazellePiano(String id, String make, String model, String serial, String location) {
    }

    record Link(String pianoId, String method, String note) {
    }

    private final JdbcTemplate jdbc;

    public FleetOverlay(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Outcome link() {
        int institutions = linkInstitutions();
        int linked = 0;
        int unlinked = 0;
        List<Map<String, Object>> owners = jdbc.queryForList("""
                SELECT DISTINCT i.id, i.gazelle_client_external_id FROM institution i
                JOIN venue_piano v ON v.institution_id = i.id WHERE i.gazelle_client_external_id IS NOT NULL""");
        for (Map<String, Object> owner : owners) {
            long institution = ((Number) owner.get("id")).longValue();
            List<FileRow> rows = jdbc.query("""
                    SELECT id, serial_normalized, piano_text, coalesce(room_code, local_text) AS room, piano_external_id, link_method
                    FROM venue_piano WHERE institution_id = ? ORDER BY id""",
                    (rs, n) -> new FileRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6)), institution);
            List<GazellePiano> pianos = jdbc.query("""
                    SELECT external_id, make, model, serial_number, location FROM gazelle_pianos
                    WHERE client_external_id = ? ORDER BY external_id""",
                    (rs, n) -> new GazellePiano(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                    owner.get("gazelle_client_external_id"));
            Map<Long, Link> links = match(rows, pianos);
            for (FileRow row : rows) {
                if (row.manual()) {
                    continue;
                }
                Link link = links.get(row.id());
                String pianoId = link == null ? null : link.pianoId();
                String method = pianoId == null ? null : link.method();
                String note = link == null ? null : link.note();
                linked += pianoId != null ? 1 : 0;
                unlinked += pianoId == null ? 1 : 0;
                jdbc.update("""
                        UPDATE venue_piano SET piano_external_id = ?, link_method = ?, link_note = ?,
                            linked_at = CASE WHEN piano_external_id IS DISTINCT FROM ? THEN now() ELSE linked_at END
                        WHERE id = ? AND (piano_external_id IS DISTINCT FROM ? OR link_method IS DISTINCT FROM ?
                                          OR link_note IS DISTINCT FROM ?)""",
                        pianoId, method, note, pianoId, row.id(), pianoId, method, note);
            }
        }
        log.info("Fleet overlay: {} inventory row(s) linked, {} left unlinked, {} institution(s) linked to their client",
                linked, unlinked, institutions);
        return new Outcome(linked, unlinked, institutions);
    }

    /** The links of one institution's rows; rows absent from the map stay unlinked without a note. */
    static Map<Long, Link> match(List<FileRow> rows, List<GazellePiano> pianos) {
        Set<String> taken = new HashSet<>();
        rows.stream().filter(FileRow::manual).filter(r -> r.currentPiano() != null).forEach(r -> taken.add(r.currentPiano()));
        List<GazellePiano> free = pianos.stream().filter(p -> !taken.contains(p.id())).toList();
        List<FileRow> auto = rows.stream().filter(r -> !r.manual()).toList();
        Map<Long, Link> links = new HashMap<>();

        // 1. serials: a key shared by exactly one file row and one Gazelle piano
        Map<String, List<GazellePiano>> bySerial = new HashMap<>();
        for (GazellePiano piano : free) {
            for (String key : gazelleKeys(piano)) {
                bySerial.computeIfAbsent(key, k -> new ArrayList<>()).add(piano);
            }
        }
        Map<String, Integer> fileKeyUse = new HashMap<>();
        for (FileRow row : auto) {
            for (String key : fileKeys(row)) {
                fileKeyUse.merge(key, 1, Integer::sum);
            }
        }
        for (FileRow row : auto) {
            Set<String> keys = fileKeys(row);
            if (keys.isEmpty()) {
                continue;
            }
            Set<GazellePiano> candidates = new LinkedHashSet<>();
            boolean sharedInFile = false;
            for (String key : keys) {
                candidates.addAll(bySerial.getOrDefault(key, List.of()));
                sharedInFile |= fileKeyUse.get(key) > 1;
            }
            if (candidates.size() == 1 && !sharedInFile) {
                GazellePiano piano = candidates.iterator().next();
                links.put(row.id(), new Link(piano.id(), "serial", null));
                taken.add(piano.id());
            } else if (candidates.size() > 1) {
                links.put(row.id(), new Link(null, null, "Égalité : n° de série partagé par " + candidates.size()
                        + " pianos Gazelle (" + String.join(", ", candidates.stream().map(GazellePiano::id).toList()) + ")"));
            } else if (sharedInFile && candidates.size() == 1) {
                links.put(row.id(), new Link(null, null, "Égalité : n° de série présent sur plusieurs lignes du fichier"));
            }
        }

        // 2. make + model + room, for the rows without a serial, among the Gazelle pianos still free
        List<GazellePiano> left = free.stream().filter(p -> !taken.contains(p.id())).toList();
        Map<String, List<Long>> claims = new HashMap<>();
        Map<Long, GazellePiano> strong = new HashMap<>();
        for (FileRow row : auto) {
            if (!fileKeys(row).isEmpty() || links.containsKey(row.id())) {
                continue;
            }
            String words = " " + words(row.pianoText()) + " ";
            String room = words(row.room());
            List<GazellePiano> fit = new ArrayList<>();
            List<GazellePiano> weak = new ArrayList<>();
            for (GazellePiano piano : left) {
                String make = words(piano.make());
                String model = words(piano.model());
                boolean makeFits = !make.isEmpty() && words.contains(" " + make + " ");
                boolean modelFits = !model.isEmpty() && words.contains(" " + model + " ");
                boolean roomFits = !room.isEmpty() && room.equals(words(piano.location()));
                if (makeFits && modelFits && roomFits) {
                    fit.add(piano);
                } else if (makeFits && (modelFits || roomFits)) {
                    weak.add(piano);
                }
            }
            if (fit.size() == 1) {
                strong.put(row.id(), fit.get(0));
                claims.computeIfAbsent(fit.get(0).id(), k -> new ArrayList<>()).add(row.id());
            } else if (fit.size() > 1) {
                links.put(row.id(), new Link(null, null, "Égalité : " + fit.size() + " pianos Gazelle de même marque, modèle et local"));
            } else if (!weak.isEmpty()) {
                links.put(row.id(), new Link(null, null, "Correspondance faible (marque seule, ou sans local ou modèle) : "
                        + String.join(", ", weak.stream().map(p -> p.id() + " " + describe(p)).toList())));
            }
        }
        strong.forEach((rowId, piano) -> {
            if (claims.get(piano.id()).size() == 1) {
                links.put(rowId, new Link(piano.id(), "make_model_room", null));
            } else {
                links.put(rowId, new Link(null, null, "Égalité : plusieurs lignes du fichier désignent " + piano.id()));
            }
        });
        return links;
    }

    /** Serial keys of a Gazelle piano: its normalised serial, and that serial without the model glued in front. */
    static Set<String> gazelleKeys(GazellePiano piano) {
        Set<String> keys = new LinkedHashSet<>();
        String serial = serialKey(piano.serial());
        if (serial == null) {
            return keys;
        }
        keys.add(serial);
        String model = compact(piano.model());
        if (model != null && model.length() >= 2 && serial.startsWith(model) && serial.length() > model.length() + 2) {
            keys.add(serial.substring(model.length()));
        }
        return keys;
    }

    /** Serial keys of a file row: its normalised serial, and that serial without any word of its "Piano" text in front. */
    static Set<String> fileKeys(FileRow row) {
        Set<String> keys = new LinkedHashSet<>();
        String serial = serialKey(row.serial());
        if (serial == null) {
            return keys;
        }
        keys.add(serial);
        if (row.pianoText() != null) {
            for (String word : row.pianoText().split("[\\s,;/]+")) {
                String token = compact(word);
                if (token != null && token.length() >= 2 && serial.startsWith(token) && serial.length() > token.length() + 2) {
                    keys.add(serial.substring(token.length()));
                }
            }
        }
        return keys;
    }

    private static String serialKey(String serial) {
        String key = PianoSerials.normalize(serial);
        if (key == null || key.equals("NONE") || key.equals("?") || key.equals("N/A") || key.equals("INCONNU")) {
            return null;
        }
        return key;
    }

    private static String compact(String text) {
        String key = PianoSerials.normalize(text);
        return key == null ? null : key.replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static String words(String text) {
        return text == null ? "" : AlertKeywords.words(text.replaceAll("\\([^)]*\\)", " "));
    }

    private static String describe(GazellePiano piano) {
        return String.join(" ", java.util.stream.Stream.of(piano.make(), piano.model(), piano.location())
                .filter(s -> s != null && !s.isBlank()).map(String::strip).toList());
    }

    /**
     * Links the institutions that have no Gazelle client yet to the single client whose company name is one of their
     * names (DOMAIN's institutions are Gazelle clients; the seeds leave the ids empty). Ties are left alone.
     */
    int linkInstitutions() {
        Map<String, List<String>> clientsByName = new HashMap<>();
        jdbc.query("SELECT external_id, company_name FROM gazelle_clients WHERE company_name IS NOT NULL", rs -> {
            clientsByName.computeIfAbsent(TextNormalizer.fold(rs.getString(2)), k -> new ArrayList<>()).add(rs.getString(1));
        });
        Set<String> usedClients = new HashSet<>(jdbc.queryForList(
                "SELECT gazelle_client_external_id FROM institution WHERE gazelle_client_external_id IS NOT NULL", String.class));
        Map<Long, Set<String>> candidates = new HashMap<>();
        jdbc.query("""
                SELECT i.id, x.name_text FROM institution i
                CROSS JOIN LATERAL (VALUES (i.name), (replace(i.slug, '-', ' '))) AS x (name_text)
                WHERE i.gazelle_client_external_id IS NULL
                UNION ALL
                SELECT i.id, a.alias FROM institution i JOIN institution_alias a ON a.institution_id = i.id
                WHERE i.gazelle_client_external_id IS NULL""", rs -> {
            for (String client : clientsByName.getOrDefault(TextNormalizer.fold(rs.getString(2)), List.of())) {
                if (!usedClients.contains(client)) {
                    candidates.computeIfAbsent(rs.getLong(1), k -> new LinkedHashSet<>()).add(client);
                }
            }
        });
        Map<String, Integer> claimed = new HashMap<>();
        candidates.values().forEach(set -> set.forEach(c -> claimed.merge(c, 1, Integer::sum)));
        int linked = 0;
        for (Map.Entry<Long, Set<String>> entry : candidates.entrySet()) {
            if (entry.getValue().size() == 1) {
                String client = entry.getValue().iterator().next();
                if (claimed.get(client) == 1) {
                    linked += jdbc.update("UPDATE institution SET gazelle_client_external_id = ? WHERE id = ? AND gazelle_client_external_id IS NULL",
                            client, entry.getKey());
                }
            }
        }
        return linked;
    }
}
