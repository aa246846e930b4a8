package ca.ptm.nocturne.gazelle.standin;

import graphql.GraphQLException;
import graphql.language.FieldDefinition;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The records the stand-in serves, kept as maps shaped like Gazelle's types (what {@code GazelleNodes} builds), and
 * the data fetchers that serve them: Relay paging by cursor over the filtered list, Gazelle's filters, look-ups by
 * id, references resolved to the stored record (a piano's {@code client { id }} is the stored client).
 */
final class StandInData {

    /** The root lists. */
    enum Kind {
        USERS("PrivateUser"), CLIENTS("PrivateClient"), PIANOS("PrivatePiano"), EVENTS("PrivateEvent"),
        TIMELINE("PrivateTimelineEntry"), INVOICES("PrivateInvoice");

        final String type;

        Kind(String type) {
            this.type = type;
        }
    }

    private static final ZoneId COMPANY_ZONE = ZoneId.of("America/Montreal");
    private static final Comparator<Map<String, Object>> NEWEST_FIRST = Comparator
            .comparing((Map<String, Object> entry) -> Instant.parse((String) entry.get("occurredAt"))).reversed()
            .thenComparing(entry -> (String) entry.get("id"), Comparator.reverseOrder());

    private final Map<Kind, Map<String, Map<String, Object>>> records = new EnumMap<>(Kind.class);
    private final Map<Kind, Map<String, Map<String, Object>>> unlisted = new EnumMap<>(Kind.class);
    /** Every record by kind and id, listed or not: the look-ups of references, without the lock of the lists. */
    private final Map<Kind, Map<String, Map<String, Object>>> byId = new EnumMap<>(Kind.class);
    /** Filtered, ordered lists by request shape, dropped at every change: paging a large list stays cheap. */
    private final Map<String, List<Map<String, Object>>> views = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> rootCalls = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> rootNodes = new ConcurrentHashMap<>();
    private final AtomicLong nestedNodes = new AtomicLong();
    private volatile int defaultPageSize = 100;

    StandInData() {
        for (Kind kind : Kind.values()) {
            records.put(kind, new LinkedHashMap<>());
            unlisted.put(kind, new LinkedHashMap<>());
            byId.put(kind, new ConcurrentHashMap<>());
        }
    }

    // ---- the data ----

    synchronized void put(Kind kind, Map<String, Object> record) {
        String id = (String) Objects.requireNonNull(record.get("id"), "a record needs an id");
        records.get(kind).put(id, record);
        byId.get(kind).put(id, record);
        views.clear();
    }

    synchronized void putAll(Kind kind, Collection<? extends Map<String, Object>> list) {
        for (Map<String, Object> record : list) {
            String id = (String) Objects.requireNonNull(record.get("id"), "a record needs an id");
            records.get(kind).put(id, record);
            byId.get(kind).put(id, record);
        }
        views.clear();
    }

    /** A record found by its id only, in no list (created after the list was read). */
    synchronized void putUnlisted(Kind kind, Map<String, Object> record) {
        String id = (String) Objects.requireNonNull(record.get("id"), "a record needs an id");
        unlisted.get(kind).put(id, record);
        byId.get(kind).putIfAbsent(id, record);
    }

    synchronized boolean remove(Kind kind, String id) {
        views.clear();
        boolean unlistedRemoved = unlisted.get(kind).remove(id) != null;
        byId.get(kind).remove(id);
        return records.get(kind).remove(id) != null || unlistedRemoved;
    }

    synchronized void clear() {
        records.values().forEach(Map::clear);
        unlisted.values().forEach(Map::clear);
        byId.values().forEach(Map::clear);
        views.clear();
    }

    synchronized void clear(Kind kind) {
        records.get(kind).clear();
        unlisted.get(kind).clear();
        byId.get(kind).clear();
        views.clear();
    }

    synchronized int size(Kind kind) {
        return records.get(kind).size();
    }

    private Map<String, Object> get(Kind kind, String id) {
        return id == null ? null : byId.get(kind).get(id);
    }

    private synchronized List<Map<String, Object>> all(Kind kind) {
        return new ArrayList<>(records.get(kind).values());
    }

    void defaultPageSize(int size) {
        this.defaultPageSize = size;
    }

    // ---- counts ----

    long calls(String rootField) {
        AtomicLong n = rootCalls.get(rootField);
        return n == null ? 0 : n.get();
    }

    Map<String, Long> calls() {
        Map<String, Long> copy = new LinkedHashMap<>();
        rootCalls.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    Map<String, Long> nodesServed() {
        Map<String, Long> copy = new LinkedHashMap<>();
        rootNodes.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    long nestedNodesServed() {
        return nestedNodes.get();
    }

    void resetCounts() {
        rootCalls.clear();
        rootNodes.clear();
        nestedNodes.set(0);
    }

    private void count(String rootField, int nodes) {
        rootCalls.computeIfAbsent(rootField, k -> new AtomicLong()).incrementAndGet();
        rootNodes.computeIfAbsent(rootField, k -> new AtomicLong()).addAndGet(nodes);
    }

    // ---- wiring ----

    RuntimeWiring.Builder wire(RuntimeWiring.Builder wiring, TypeDefinitionRegistry registry) {
        wiring.type("PrivateQuery", type -> type
                .dataFetcher("allUsers", env -> {
                    List<Map<String, Object>> users = all(Kind.USERS);
                    count("allUsers", users.size());
                    return users;
                })
                .dataFetcher("user", env -> {
                    count("user", 1);
                    return all(Kind.USERS).stream().findFirst().orElse(null);
                })
                .dataFetcher("allClients", root("allClients", Kind.CLIENTS, this::clientFilter, null))
                .dataFetcher("allPianos", root("allPianos", Kind.PIANOS, this::pianoFilter, null))
                .dataFetcher("allEventsBatched", root("allEventsBatched", Kind.EVENTS, this::eventFilter, this::eventOrder))
                .dataFetcher("allTimelineEntries", root("allTimelineEntries", Kind.TIMELINE, this::timelineFilter,
                        env -> NEWEST_FIRST))
                .dataFetcher("allInvoices", root("allInvoices", Kind.INVOICES, this::invoiceFilter, null))
                .dataFetcher("client", single("client", Kind.CLIENTS, "id", "clientId"))
                .dataFetcher("piano", single("piano", Kind.PIANOS, "id", "pianoId"))
                .dataFetcher("event", single("event", Kind.EVENTS, "eventId"))
                .dataFetcher("invoice", single("invoice", Kind.INVOICES, "id")));
        wiring.type("PrivateEvent", type -> type.dataFetcher("allEventPianos", nested("allEventPianos")));
        wiring.type("PrivateInvoice", type -> type
                .dataFetcher("allInvoiceItems", nested("allInvoiceItems"))
                .dataFetcher("allInvoicePayments", nested("allInvoicePayments")));
        wiring.type("PrivateClient", type -> type
                .dataFetcher("allContacts", env -> {
                    Map<String, Object> client = env.getSource();
                    Object contacts = client.get("allContacts");
                    if (contacts == null && client.get("defaultContact") != null) {
                        contacts = List.of(client.get("defaultContact"));
                    }
                    return page(listOf(contacts), env);
                })
                .dataFetcher("allPianos", env -> {
                    Map<String, Object> client = env.getSource();
                    List<Map<String, Object>> pianos = all(Kind.PIANOS).stream()
                            .filter(p -> Objects.equals(client.get("id"), idOf(p.get("client")))).toList();
                    return page(pianos, env);
                }));
        referenceFetchers(wiring, registry);
        return wiring;
    }

    /** Every field whose type is a stored kind answers with the stored record when the source names one by id. */
    private void referenceFetchers(RuntimeWiring.Builder wiring, TypeDefinitionRegistry registry) {
        Map<String, Kind> kinds = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            kinds.put(kind.type, kind);
        }
        for (ObjectTypeDefinition type : registry.getTypes(ObjectTypeDefinition.class)) {
            if (type.getName().equals("PrivateQuery")) {
                continue;
            }
            for (FieldDefinition field : type.getFieldDefinitions()) {
                Type<?> fieldType = field.getType();
                if (fieldType instanceof NonNullType nonNull) {
                    fieldType = nonNull.getType();
                }
                if (fieldType instanceof TypeName name && kinds.containsKey(name.getName()) && field.getInputValueDefinitions().isEmpty()) {
                    Kind kind = kinds.get(name.getName());
                    String fieldName = field.getName();
                    wiring.type(type.getName(), builder -> builder.dataFetcher(fieldName, env -> {
                        Map<String, Object> source = env.getSource();
                        Object value = source.get(fieldName);
                        if (value instanceof Map<?, ?> reference) {
                            Map<String, Object> stored = get(kind, (String) reference.get("id"));
                            return stored != null ? stored : value;
                        }
                        return value;
                    }));
                }
            }
        }
    }

    private interface Filter {
        Predicate<Map<String, Object>> of(DataFetchingEnvironment env);
    }

    private interface Order {
        Comparator<Map<String, Object>> of(DataFetchingEnvironment env);
    }

    private DataFetcher<Object> root(String field, Kind kind, Filter filter, Order order) {
        return env -> {
            String key = field + env.getArguments().entrySet().stream()
                    .filter(e -> !e.getKey().equals("first") && !e.getKey().equals("after")
                            && !e.getKey().equals("last") && !e.getKey().equals("before"))
                    .map(e -> e.getKey() + "=" + e.getValue()).sorted().toList();
            List<Map<String, Object>> view = views.computeIfAbsent(key, k -> {
                Predicate<Map<String, Object>> keep = filter.of(env);
                List<Map<String, Object>> list = new ArrayList<>(all(kind).stream().filter(keep).toList());
                if (order != null) {
                    list.sort(order.of(env));
                }
                return List.copyOf(list);
            });
            Map<String, Object> page = page(view, env);
            boolean records = env.getSelectionSet().contains("nodes") || env.getSelectionSet().contains("edges");
            count(field, records ? ((List<?>) page.get("nodes")).size() : 0);
            return page;
        };
    }

    private DataFetcher<Object> single(String field, Kind kind, String... arguments) {
        return env -> {
            count(field, 1);
            for (String argument : arguments) {
                String id = env.getArgument(argument);
                if (id != null) {
                    return get(kind, id);
                }
            }
            return null;
        };
    }

    /** A connection nested in a record: the record holds its nodes as a list (or as {nodes: [...]}). */
    private DataFetcher<Object> nested(String field) {
        return env -> {
            Map<String, Object> source = env.getSource();
            Map<String, Object> page = page(listOf(source.get(field)), env);
            nestedNodes.addAndGet(((List<?>) page.get("nodes")).size());
            return page;
        };
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOf(Object value) {
        if (value instanceof Map<?, ?> connection && connection.get("nodes") instanceof List<?> nodes) {
            return (List<Map<String, Object>>) nodes;
        }
        if (value instanceof List<?> list) {
            return (List<Map<String, Object>>) list;
        }
        return List.of();
    }

    // ---- paging ----

    /** One page of a connection: first/after over the list, with both nodes and edges, pageInfo and totalCount. */
    private Map<String, Object> page(List<Map<String, Object>> list, DataFetchingEnvironment env) {
        if (env.getArgument("last") != null || env.getArgument("before") != null) {
            throw new GraphQLException("The stand-in pages forward only (first/after); Nocturne never pages backward");
        }
        Integer first = env.getArgument("first");
        if (first != null && first < 0) {
            throw new GraphQLException("Argument 'first' on Field '" + env.getField().getName() + "' must be positive");
        }
        int size = first == null ? defaultPageSize : first;
        String after = env.getArgument("after");
        int start = after == null ? 0 : offsetOf(after) + 1;
        int end = Math.min(list.size(), start + size);
        start = Math.min(start, end);
        List<Map<String, Object>> nodes = list.subList(start, end);
        List<Map<String, Object>> edges = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            Map<String, Object> edge = new LinkedHashMap<>(2);
            edge.put("cursor", cursor(start + i));
            edge.put("node", nodes.get(i));
            edges.add(edge);
        }
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("hasNextPage", end < list.size());
        pageInfo.put("hasPreviousPage", start > 0);
        pageInfo.put("startCursor", nodes.isEmpty() ? null : cursor(start));
        pageInfo.put("endCursor", nodes.isEmpty() ? null : cursor(end - 1));
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("nodes", nodes);
        connection.put("edges", edges);
        connection.put("pageInfo", pageInfo);
        connection.put("totalCount", list.size());
        return connection;
    }

    /** The opaque cursor of the record at this position of its list (0-based). */
    static String cursor(int offset) {
        return Base64.getEncoder().encodeToString(("standin:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offsetOf(String cursor) {
        try {
            String text = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith("standin:")) {
                throw new IllegalArgumentException(text);
            }
            return Integer.parseInt(text.substring("standin:".length()));
        } catch (IllegalArgumentException e) {
            throw new GraphQLException("Invalid cursor: " + cursor);
        }
    }

    // ---- filters ----

    private Predicate<Map<String, Object>> clientFilter(DataFetchingEnvironment env) {
        Map<String, Object> filters = env.getArgument("filters");
        if (filters == null) {
            return record -> true;
        }
        String search = (String) filters.get("search");
        List<?> status = (List<?>) filters.get("status");
        return record -> (search == null || contains(record.get("id"), search) || contains(record.get("companyName"), search))
                && (status == null || status.contains(record.get("status")))
                && dateWithin(createdDate(record), (String) filters.get("createdGet"), (String) filters.get("createdLet"));
    }

    private Predicate<Map<String, Object>> pianoFilter(DataFetchingEnvironment env) {
        Map<String, Object> filters = env.getArgument("filters");
        if (filters == null) {
            return record -> true;
        }
        String clientId = (String) filters.get("clientId");
        List<?> status = (List<?>) filters.get("status");
        List<?> type = (List<?>) filters.get("type");
        return record -> (clientId == null || clientId.equals(idOf(record.get("client"))))
                && (status == null || status.contains(record.get("status")))
                && (type == null || type.contains(record.get("type")));
    }

    /** startOn/endOn and dateGet/dateLet bound the event's date in the company's time zone, all inclusive. */
    private Predicate<Map<String, Object>> eventFilter(DataFetchingEnvironment env) {
        Map<String, Object> filters = env.getArgument("filters");
        if (filters == null) {
            return record -> true;
        }
        List<?> status = (List<?>) filters.get("status");
        List<?> type = (List<?>) filters.get("type");
        List<?> clientIds = (List<?>) filters.get("clientId");
        List<?> userIds = (List<?>) filters.get("userId");
        return record -> {
            LocalDate date = record.get("start") instanceof String start ? Instant.parse(start).atZone(COMPANY_ZONE).toLocalDate() : null;
            return dateWithin(date, (String) filters.get("startOn"), (String) filters.get("endOn"))
                    && dateWithin(date, (String) filters.get("dateGet"), (String) filters.get("dateLet"))
                    && (status == null || status.contains(record.get("status")))
                    && (type == null || type.contains(record.get("type")))
                    && (clientIds == null || clientIds.contains(idOf(record.get("client"))))
                    && (userIds == null || userIds.contains(idOf(record.get("user"))));
        };
    }

    private Comparator<Map<String, Object>> eventOrder(DataFetchingEnvironment env) {
        List<?> sortBy = env.getArgument("sortBy");
        Comparator<Map<String, Object>> byStart = Comparator.comparing(
                (Map<String, Object> e) -> e.get("start") == null ? "" : (String) e.get("start"))
                .thenComparing(e -> (String) e.get("id"));
        return sortBy != null && sortBy.contains("START_DESC") ? byStart.reversed() : byStart;
    }

    /** occurredAtGet (on or after), types, clientId, pianoId, invoiceId, estimateId, search; newest first. */
    private Predicate<Map<String, Object>> timelineFilter(DataFetchingEnvironment env) {
        String since = env.getArgument("occurredAtGet");
        Instant from = since == null ? null : Instant.parse(since);
        List<?> types = env.getArgument("types");
        Set<Object> typeSet = types == null ? null : Set.copyOf(types);
        String clientId = env.getArgument("clientId");
        String pianoId = env.getArgument("pianoId");
        String invoiceId = env.getArgument("invoiceId");
        String estimateId = env.getArgument("estimateId");
        String search = env.getArgument("search");
        return record -> (from == null || !Instant.parse((String) record.get("occurredAt")).isBefore(from))
                && (typeSet == null || typeSet.contains(record.get("type")))
                && (clientId == null || clientId.equals(idOf(record.get("client"))))
                && (pianoId == null || pianoId.equals(idOf(record.get("piano"))))
                && (invoiceId == null || invoiceId.equals(idOf(record.get("invoice"))))
                && (estimateId == null || estimateId.equals(idOf(record.get("estimate"))))
                && (search == null || contains(record.get("summary"), search) || contains(record.get("comment"), search));
    }

    private Predicate<Map<String, Object>> invoiceFilter(DataFetchingEnvironment env) {
        Map<String, Object> filters = env.getArgument("filters");
        if (filters == null) {
            return record -> true;
        }
        String clientId = (String) filters.get("clientId");
        List<?> status = (List<?>) filters.get("status");
        return record -> (clientId == null || clientId.equals(idOf(record.get("client"))))
                && (status == null || status.contains(record.get("status")));
    }

    private static boolean contains(Object value, String search) {
        return value instanceof String text && text.toLowerCase().contains(search.toLowerCase());
    }

    private static LocalDate createdDate(Map<String, Object> record) {
        return record.get("createdAt") instanceof String created ? Instant.parse(created).atZone(COMPANY_ZONE).toLocalDate() : null;
    }

    private static boolean dateWithin(LocalDate date, String from, String until) {
        if (from == null && until == null) {
            return true;
        }
        return date != null && (from == null || !date.isBefore(LocalDate.parse(from)))
                && (until == null || !date.isAfter(LocalDate.parse(until)));
    }

    private static String idOf(Object reference) {
        return reference instanceof Map<?, ?> map ? (String) map.get("id") : null;
    }
}
