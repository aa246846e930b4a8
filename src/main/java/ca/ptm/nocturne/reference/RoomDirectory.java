package ca.ptm.nocturne.reference;

import ca.ptm.nocturne.imports.parsing.TextNormalizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Place des Arts halls by any of the names staff type ("JD", "Théâtre Jean-Duceppe", "salle claude-leveillee"),
 * from the {@code venue_room_alias} table so a new spelling is a row, not a release.
 */
@Component
public class RoomDirectory {

    private record Alias(String alias, String matchKind, String roomCode) {
    }

    private final JdbcTemplate jdbc;

    public RoomDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> resolve(String text) {
        String folded = TextNormalizer.fold(text);
        if (folded == null || folded.isEmpty()) {
            return Optional.empty();
        }
        List<Alias> aliases = jdbc.query("SELECT alias, match_kind, room_code FROM venue_room_alias",
                (rs, n) -> new Alias(rs.getString(1), rs.getString(2), rs.getString(3)));
        Optional<String> exact = aliases.stream()
                .filter(a -> a.matchKind().equals("exact") && a.alias().equals(folded))
                .map(Alias::roomCode).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        Set<String> words = new HashSet<>(Arrays.asList(folded.split(" ")));
        return aliases.stream()
                .filter(a -> a.matchKind().equals("all_words") && words.containsAll(Arrays.asList(a.alias().split(" "))))
                .map(Alias::roomCode).findFirst();
    }
}
