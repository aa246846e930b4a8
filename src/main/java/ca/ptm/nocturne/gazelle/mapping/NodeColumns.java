package ca.ptm.nocturne.gazelle.mapping;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Copies fields of one GraphQL node into table columns while keeping the difference that protects hand-set data: a
 * field the query did not return is left out of the columns (never written), a JSON null becomes a present null.
 */
final class NodeColumns {

    private final JsonNode node;
    private final Map<String, Object> columns = new LinkedHashMap<>();

    NodeColumns(JsonNode node) {
        this.node = node;
    }

    Map<String, Object> columns() {
        return columns;
    }

    /**
     * @param path dotted field path, e.g. "client.id"
     * @return the value node; Java null when a step is absent; a JSON null node when a step is JSON null
     */
    JsonNode find(String path) {
        JsonNode current = node;
        for (String step : path.split("\\.")) {
            if (current.isNull()) {
                return current; // a null parent means every field below it is known to be empty
            }
            if (!current.isObject() || !current.has(step)) {
                return null;
            }
            current = current.get(step);
        }
        return current;
    }

    boolean has(String path) {
        return find(path) != null;
    }

    /** The text at a path, null when absent or null: for values used in a computation, not copied as a column. */
    String textAt(String path) {
        JsonNode value = find(path);
        return value == null ? null : convert(path, value, NodeColumns::text);
    }

    void text(String column, String path) {
        put(column, path, NodeColumns::text);
    }

    /** The first of the paths the node holds; absent when none is there. */
    void firstText(String column, String... paths) {
        for (String path : paths) {
            if (has(path)) {
                text(column, path);
                return;
            }
        }
    }

    void integer(String column, String path) {
        put(column, path, NodeColumns::integer);
    }

    void decimal(String column, String path) {
        put(column, path, NodeColumns::decimal);
    }

    void cents(String column, String path) {
        put(column, path, Money::fromCents);
    }

    void bool(String column, String path) {
        put(column, path, NodeColumns::bool);
    }

    void date(String column, String path) {
        put(column, path, value -> LocalDate.parse(text(value)));
    }

    void instant(String column, String path) {
        put(column, path, value -> GazelleTime.parseApi(text(value)));
    }

    void strings(String column, String path) {
        put(column, path, NodeColumns::strings);
    }

    /** Puts a value derived from a field; absent when the field is. */
    void derived(String column, String path, Function<JsonNode, Object> converter) {
        put(column, path, converter);
    }

    Instant instantAt(String path) {
        JsonNode value = find(path);
        return value == null ? null : convert(path, value, v -> GazelleTime.parseApi(text(v)));
    }

    /** The nodes of a Relay connection, whether it is written with nodes or with edges{node}. */
    List<JsonNode> connectionNodes(String path) {
        JsonNode connection = find(path);
        if (connection == null || connection.isNull()) {
            return List.of();
        }
        List<JsonNode> nodes = new ArrayList<>();
        for (JsonNode child : connection.path("nodes").values()) {
            nodes.add(child);
        }
        for (JsonNode edge : connection.path("edges").values()) {
            nodes.add(edge.path("node"));
        }
        return Collections.unmodifiableList(nodes);
    }

    private void put(String column, String path, Function<JsonNode, Object> converter) {
        JsonNode value = find(path);
        if (value != null) {
            columns.put(column, convert(path, value, converter));
        }
    }

    private static <T> T convert(String path, JsonNode value, Function<JsonNode, T> converter) {
        if (value.isNull()) {
            return null;
        }
        try {
            return converter.apply(value);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new ApiValueException(path, value.toString(), "Valeur illisible pour « " + path + " » : " + value);
        }
    }

    static String text(JsonNode value) {
        if (value.isString()) {
            return value.stringValue();
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.asString();
        }
        throw new IllegalArgumentException("texte attendu");
    }

    private static Integer integer(JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        if (value.isString()) {
            return Integer.valueOf(value.stringValue().strip());
        }
        throw new IllegalArgumentException("entier attendu");
    }

    private static BigDecimal decimal(JsonNode value) {
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isString()) {
            return new BigDecimal(value.stringValue().strip());
        }
        throw new IllegalArgumentException("nombre attendu");
    }

    private static Boolean bool(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isString() && ("true".equals(value.stringValue()) || "false".equals(value.stringValue()))) {
            return Boolean.valueOf(value.stringValue());
        }
        throw new IllegalArgumentException("booléen attendu");
    }

    private static List<String> strings(JsonNode value) {
        if (!value.isArray()) {
            throw new IllegalArgumentException("liste attendue");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode element : value.values()) {
            if (!element.isNull()) {
                texts.add(text(element));
            }
        }
        return List.copyOf(texts);
    }
}
