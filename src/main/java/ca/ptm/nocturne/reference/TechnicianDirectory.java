package ca.ptm.nocturne.reference;

import ca.ptm.nocturne.imports.parsing.TextNormalizer;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Technicians by the names legacy files give them ("Nick", "Nicolas X", initials), through the
 * {@code technician_alias} table and the technicians' own names; never a hard-coded name in code.
 */
@Component
public class TechnicianDirectory {

    public record Technician(long id, String firstName, String gazelleUserId, boolean placeholder) {
    }

    private final JdbcTemplate jdbc;

    public TechnicianDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Technician> resolve(String text) {
        String folded = TextNormalizer.fold(text);
        if (folded == null || folded.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.query("""
                SELECT t.id, t.first_name, t.gazelle_user_id, t.is_placeholder FROM technician t
                WHERE t.id IN (SELECT technician_id FROM technician_alias WHERE alias = ?)
                   OR t.gazelle_user_id = ?
                ORDER BY t.id LIMIT 1""",
                (rs, n) -> new Technician(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)),
                folded, text.trim()).stream().findFirst()
            .or(() -> byName(folded));
    }

    private Optional<Technician> byName(String folded) {
        return jdbc.query("SELECT id, first_name, last_name, gazelle_user_id, is_placeholder FROM technician ORDER BY id",
                        (rs, n) -> {
                            Technician technician = new Technician(rs.getLong(1), rs.getString(2), rs.getString(4), rs.getBoolean(5));
                            String fullName = rs.getString(2) + (rs.getString(3) == null ? "" : " " + rs.getString(3));
                            boolean matches = folded.equals(TextNormalizer.fold(rs.getString(2)))
                                    || folded.equals(TextNormalizer.fold(fullName));
                            return matches ? technician : null;
                        })
                .stream().filter(java.util.Objects::nonNull).findFirst();
    }
}
