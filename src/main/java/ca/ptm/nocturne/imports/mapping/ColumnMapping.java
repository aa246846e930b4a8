package ca.ptm.nocturne.imports.mapping;

import ca.ptm.nocturne.imports.parsing.TextNormalizer;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One logical column of a kind of file: the header spellings it is known by, how its text is read, whether it
 * must be present and filled, and which texts mean "no value" (for example "?" for a room, "à suivre" for a piano).
 */
public record ColumnMapping(String name, List<String> aliases, ColumnType type, boolean required, List<String> nulls) {

    public ColumnMapping {
        aliases = List.copyOf(aliases);
        nulls = List.copyOf(nulls);
    }

    public Set<String> headerKeys() {
        return aliases.stream().map(TextNormalizer::headerKey).collect(Collectors.toUnmodifiableSet());
    }

    public boolean isNullMarker(String value) {
        String folded = TextNormalizer.fold(value);
        return nulls.stream().map(TextNormalizer::fold).anyMatch(folded::equals);
    }
}
