package ca.ptm.nocturne.imports.mapping;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the mapping files an admin can edit without recompiling. A mistake in one of them stops the import before
 * it touches any data, with the file and the key named.
 */
public final class MappingLoader {

    private MappingLoader() {
    }

    public static Map<FileKind, FileMapping> loadFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new MappingException("Mapping folder " + folder.toAbsolutePath() + " does not exist");
        }
        Map<FileKind, FileMapping> mappings = new EnumMap<>(FileKind.class);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yml")).sorted().toList()) {
                FileMapping mapping = load(file);
                if (mappings.put(mapping.kind(), mapping) != null) {
                    throw new MappingException(file + ": a second mapping for kind '" + mapping.kind().id() + "'");
                }
            }
        } catch (IOException e) {
            throw new MappingException("Cannot list mapping folder " + folder + ": " + e.getMessage());
        }
        for (FileKind kind : FileKind.values()) {
            if (!mappings.containsKey(kind)) {
                throw new MappingException("No mapping file in " + folder + " declares kind '" + kind.id() + "'");
            }
        }
        return mappings;
    }

    public static FileMapping load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            return parse(file, asMap(file, "(document)", document));
        } catch (IOException e) {
            throw new MappingException("Cannot read mapping file " + file + ": " + e.getMessage());
        } catch (RuntimeException e) {
            if (e instanceof MappingException) {
                throw e;
            }
            throw new MappingException("Mapping file " + file + " is not valid YAML: " + e.getMessage());
        }
    }

    private static FileMapping parse(Path file, Map<String, Object> root) {
        FileKind kind;
        try {
            kind = FileKind.fromId(string(file, root, "kind", true));
        } catch (IllegalArgumentException e) {
            throw new MappingException(file + ": " + e.getMessage());
        }
        List<ColumnMapping> columns = new ArrayList<>();
        for (Object item : list(file, root, "columns")) {
            columns.add(column(file, asMap(file, "columns", item)));
        }
        if (columns.isEmpty()) {
            throw new MappingException(file + ": 'columns' is empty");
        }
        List<String> layout = strings(file, root, "headerless-layout");
        for (String name : layout) {
            if (columns.stream().noneMatch(c -> c.name().equals(name))) {
                throw new MappingException(file + ": headerless-layout names unknown column '" + name + "'");
            }
        }
        Object minMatched = root.getOrDefault("min-matched-columns", 2);
        if (!(minMatched instanceof Integer min) || min < 1) {
            throw new MappingException(file + ": 'min-matched-columns' must be a positive whole number");
        }
        return new FileMapping(kind, string(file, root, "description", false), columns, layout,
                Boolean.TRUE.equals(root.get("leading-label-shift")), min);
    }

    private static ColumnMapping column(Path file, Map<String, Object> map) {
        String name = string(file, map, "name", true);
        String typeName = map.getOrDefault("type", "text").toString().toUpperCase(Locale.ROOT).replace('-', '_');
        ColumnType type;
        try {
            type = ColumnType.valueOf(typeName);
        } catch (IllegalArgumentException e) {
            throw new MappingException(file + ": column '" + name + "' has unknown type '" + map.get("type") + "'");
        }
        List<String> aliases = strings(file, map, "aliases");
        if (aliases.isEmpty()) {
            throw new MappingException(file + ": column '" + name + "' has no aliases");
        }
        return new ColumnMapping(name, aliases, type, Boolean.TRUE.equals(map.get("required")), strings(file, map, "nulls"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Path file, String where, Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new MappingException(file + ": '" + where + "' must be a mapping of keys to values");
        }
        return (Map<String, Object>) map;
    }

    private static String string(Path file, Map<String, Object> map, String key, boolean required) {
        Object value = map.get(key);
        if (value == null) {
            if (required) {
                throw new MappingException(file + ": '" + key + "' is missing");
            }
            return "";
        }
        return value.toString();
    }

    private static List<?> list(Path file, Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new MappingException(file + ": '" + key + "' must be a list");
        }
        return list;
    }

    private static List<String> strings(Path file, Map<String, Object> map, String key) {
        return list(file, map, key).stream().map(String::valueOf).toList();
    }
}
