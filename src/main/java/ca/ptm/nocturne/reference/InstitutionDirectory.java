package ca.ptm.nocturne.reference;

import ca.ptm.nocturne.imports.parsing.TextNormalizer;
import java.util.Comparator;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Institutions by slug, name or alias; also found inside a file name ("inventaire-place-des-arts-2026.csv"). */
@Component
public class InstitutionDirectory {

    public record Institution(long id, String slug, String name) {
    }

    private record Named(Institution institution, String folded) {
    }

    private final JdbcTemplate jdbc;

    public InstitutionDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Institution> bySlug(String slug) {
        return jdbc.query("SELECT id, slug, name FROM institution WHERE slug = ?",
                (rs, n) -> new Institution(rs.getLong(1), rs.getString(2), rs.getString(3)), slug).stream().findFirst();
    }

    public Optional<Institution> resolve(String text) {
        String folded = TextNormalizer.fold(text);
        return names().filter(n -> n.folded().equals(folded)).map(Named::institution).findFirst();
    }

    /** The institution whose longest name or alias appears in the file name, words whole. */
    public Optional<Institution> namedInFile(String fileName) {
        String base = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        String folded = " " + TextNormalizer.fold(base.replaceAll("[^\\p{L}\\p{N}]+", " ")) + " ";
        return names().filter(n -> folded.contains(" " + n.folded() + " "))
                .max(Comparator.comparingInt(n -> n.folded().length()))
                .map(Named::institution);
    }

    private java.util.stream.Stream<Named> names() {
        return jdbc.query("""
                SELECT i.id, i.slug, i.name, x.name_text FROM institution i
                CROSS JOIN LATERAL (VALUES (i.name), (replace(i.slug, '-', ' '))) AS x (name_text)
                UNION ALL
                SELECT i.id, i.slug, i.name, a.alias FROM institution i JOIN institution_alias a ON a.institution_id = i.id""",
                (rs, n) -> new Named(new Institution(rs.getLong(1), rs.getString(2), rs.getString(3)),
                        TextNormalizer.fold(rs.getString(4)))).stream();
    }
}
