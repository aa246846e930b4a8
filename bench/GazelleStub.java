/*
 * A local stand-in for Gazelle's private GraphQL API, for bench/night-wall.sh and bench/generate-legacy.py (issue 8).
 * JDK classes only. It does NOT enforce Gazelle's schema: bench/sync-throughput.sh and the tests use the stand-in that
 * does (src/test/java/ca/ptm/nocturne/gazelle/standin/GazelleStandIn.java, issue 16). Adjusted for the corrected
 * queries of issue 16: allUsers is a plain list and nested connections answer a pageInfo; it does not filter on
 * `types` and serves legacy timeline types, so the timeline's counts by type do not add up and Nocturne reads it in
 * one slice, with a warning.
 *
 *   java bench/GazelleStub.java --port 0 --latency-ms 50 --timeline 300000 --clients 4000 --pianos 1000 \
 *        --appointments 600 --invoices 6000 --users 5 [--now 2026-12-01T07:00:00Z] [--max-first 100] [--threads 64]
 *
 * Prints one line GAZELLE_STUB_PORT=<port> on stdout when it listens (on 127.0.0.1), a one-line summary on stderr,
 * and nothing per request. Endpoints:
 *
 *   POST /graphql/private/      (trailing slash required; "Authorization: Bearer <any non-empty token>", else 401)
 *        root fields allUsers, allClients, client(id:), allPianos, allEventsBatched, allTimelineEntries, allInvoices;
 *        Relay pages: first (capped at --max-first, default 100), after, pageInfo{hasNextPage endCursor
 *        hasPreviousPage startCursor}, nodes or edges{cursor node}, totalCount. Only the selected fields are
 *        returned, in the order of the query (a field the stub does not model comes back null). Filters, as
 *        variables ($x) or literals, top-level or inside an input object:
 *          allTimelineEntries: occurredAtGet (occurredAt >= value), occurredAtLet (occurredAt <= value); null or
 *                              absent = no bound; a plain date means its first (Get) or last (Let) second, UTC
 *          allEventsBatched:   startOn, endOn (Montreal local date of the start, both inclusive)
 *          all lists but the timeline: updatedAtGet (updatedAt >= value)
 *   POST /developer/oauth/token grant_type=refresh_token&refresh_token=...  -> {access_token, refresh_token,
 *        token_type, expires_in: 2592000, created_at}; any other grant: 400 unsupported_grant_type
 *   GET  /stats                 requests per root field ("token" for the token endpoint), "total" = GraphQL
 *        requests, "nodes" = records served per root field, "children" = nested records (contacts, invoice
 *        items, event pianos), "errors", "unauthorized", "cpuMs" (CPU time of this process)
 *   POST /stats/reset           sets the counters back to zero
 *
 * Every request waits --latency-ms before it is answered, on a pool of --threads threads, so concurrent requests
 * overlap as they would on Gazelle. Data is a pure function of the flags: every node is computed from its index
 * (nothing is stored per timeline entry), timestamps come from fixed bases and --now (default
 * 2026-12-01T07:00:00Z, 02:00 in Montreal, the night of 2026-12-01), never from the wall clock (only the token's
 * created_at does). Lists are sorted: the timeline by occurredAt, events by start, so their filters are binary
 * searches; the other lists are in index order. Cursors are Relay's base64("arrayconnection:<index>").
 */
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntPredicate;

public final class GazelleStub {

    static final ZoneId MONTREAL = ZoneId.of("America/Montreal");
    static final String[] ROOTS = {"allUsers", "allClients", "client", "allPianos", "allEventsBatched", "allTimelineEntries",
            "allInvoices", "token"};

    // ---------------------------------------------------------------- flags
    int port = 0;
    long latencyMs = 50;
    int timeline = 300_000, clients = 4_000, pianos = 1_000, appointments = 600, invoices = 6_000, users = 5;
    int maxFirst = 100, threads = 64;
    Instant now = Instant.parse("2026-12-01T07:00:00Z");

    // ---------------------------------------------------------------- stats
    final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    final Map<String, LongAdder> nodesServed = new ConcurrentHashMap<>();
    final LongAdder childrenServed = new LongAdder(), errors = new LongAdder(), unauthorized = new LongAdder();
    final AtomicLong tokensIssued = new AtomicLong();

    Data data;

    public static void main(String[] args) throws Exception {
        GazelleStub stub = new GazelleStub();
        stub.parseFlags(args);
        stub.data = new Data(stub);
        stub.start();
    }

    void parseFlags(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            String value;
            int eq = flag.indexOf('=');
            if (eq > 0) {
                value = flag.substring(eq + 1);
                flag = flag.substring(0, eq);
            } else {
                if (i + 1 >= args.length) {
                    usage("missing value for " + flag);
                }
                value = args[++i];
            }
            try {
                switch (flag) {
                    case "--port" -> port = Integer.parseInt(value);
                    case "--latency-ms" -> latencyMs = Long.parseLong(value);
                    case "--timeline" -> timeline = Integer.parseInt(value);
                    case "--clients" -> clients = Integer.parseInt(value);
                    case "--pianos" -> pianos = Integer.parseInt(value);
                    case "--appointments" -> appointments = Integer.parseInt(value);
                    case "--invoices" -> invoices = Integer.parseInt(value);
                    case "--users" -> users = Integer.parseInt(value);
                    case "--now" -> now = Instant.parse(value);
                    case "--max-first" -> maxFirst = Integer.parseInt(value);
                    case "--threads" -> threads = Integer.parseInt(value);
                    default -> usage("unknown flag " + flag);
                }
            } catch (NumberFormatException | DateTimeParseException e) {
                usage("bad value for " + flag + ": " + value);
            }
        }
        if (clients < 1 || users < 1 || timeline < 0 || pianos < 0 || appointments < 0 || invoices < 0 || maxFirst < 1
                || latencyMs < 0 || threads < 1) {
            usage("volumes: clients and users at least 1, others at least 0; max-first and threads at least 1");
        }
    }

    static void usage(String why) {
        System.err.println("GazelleStub: " + why);
        System.err.println("usage: java bench/GazelleStub.java [--port 0] [--latency-ms 50] [--timeline 300000] [--clients 4000]"
                + " [--pianos 1000] [--appointments 600] [--invoices 6000] [--users 5] [--now 2026-12-01T07:00:00Z]"
                + " [--max-first 100] [--threads 64]");
        System.exit(2);
    }

    void start() throws IOException {
        for (String root : ROOTS) {
            requests.put(root, new LongAdder());
            nodesServed.put(root, new LongAdder());
        }
        // Without TCP_NODELAY the JDK server sends the headers and the body as two segments, the second waiting for
        // the client's delayed ACK: every answer would take 40 ms more than asked (a real Gazelle's front end does not).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "stub");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
        System.err.printf("GazelleStub: %d timeline entries, %d clients, %d pianos, %d appointments, %d invoices, %d users;"
                        + " now %s; latency %d ms; pages up to %d; %d threads%n", timeline, clients, pianos, appointments,
                invoices, users, now, latencyMs, maxFirst, threads);
        System.out.println("GAZELLE_STUB_PORT=" + server.getAddress().getPort());
        System.out.flush();
    }

    // ---------------------------------------------------------------- HTTP
    void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = readAll(ex.getRequestBody());
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if (path.equals("/graphql/private/") && method.equals("POST")) {
                pause();
                graphql(ex, body);
            } else if (path.equals("/developer/oauth/token") && method.equals("POST")) {
                pause();
                token(ex, body);
            } else if (path.equals("/stats") && method.equals("GET")) {
                send(ex, 200, stats());
            } else if (path.equals("/stats/reset") && method.equals("POST")) {
                requests.values().forEach(LongAdder::reset);
                nodesServed.values().forEach(LongAdder::reset);
                childrenServed.reset();
                errors.reset();
                unauthorized.reset();
                send(ex, 200, stats());
            } else if (path.equals("/graphql/private")) {
                send(ex, 404, "{\"error\":\"not found: the trailing slash is required (/graphql/private/)\"}");
            } else {
                send(ex, 404, "{\"error\":\"not found\"}");
            }
        } catch (RuntimeException | Error e) {
            try {
                send(ex, 500, "{\"error\":" + quote(String.valueOf(e)) + "}");
            } catch (IOException | RuntimeException ignored) {
                // the client went away
            }
        }
    }

    void pause() {
        if (latencyMs > 0) {
            try {
                Thread.sleep(latencyMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    static void send(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    String stats() {
        StringBuilder sb = new StringBuilder("{");
        long total = 0;
        for (String root : ROOTS) {
            long n = requests.get(root).sum();
            if (!root.equals("token")) {
                total += n;
            }
            sb.append(quote(root)).append(':').append(n).append(',');
        }
        sb.append("\"total\":").append(total).append(",\"nodes\":{");
        long nodes = 0;
        for (String root : ROOTS) {
            if (root.equals("token")) {
                continue;
            }
            long n = nodesServed.get(root).sum();
            nodes += n;
            sb.append(quote(root)).append(':').append(n).append(',');
        }
        sb.append("\"total\":").append(nodes).append("},\"children\":").append(childrenServed.sum())
                .append(",\"errors\":").append(errors.sum()).append(",\"unauthorized\":").append(unauthorized.sum())
                .append(",\"latencyMs\":").append(latencyMs).append(",\"cpuMs\":").append(cpuMs()).append('}');
        return sb.toString();
    }

    static long cpuMs() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1_000_000;
        }
        return -1;
    }

    void token(HttpExchange ex, byte[] body) throws IOException {
        requests.get("token").increment();
        Map<String, String> form = new HashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        if (!"refresh_token".equals(form.get("grant_type"))) {
            send(ex, 400, "{\"error\":\"unsupported_grant_type\"}");
            return;
        }
        if (form.getOrDefault("refresh_token", "").isBlank()) {
            send(ex, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        long n = tokensIssued.incrementAndGet();
        send(ex, 200, "{\"access_token\":\"stub-access-" + n + "-0123456789\",\"token_type\":\"Bearer\",\"expires_in\":2592000,"
                + "\"refresh_token\":\"stub-refresh-" + n + "-0123456789\",\"scope\":\"read\",\"created_at\":"
                + Instant.now().getEpochSecond() + "}");
    }

    void graphql(HttpExchange ex, byte[] body) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || auth.substring(7).isBlank()) {
            unauthorized.increment();
            send(ex, 401, "{\"error\":\"invalid_token\",\"error_description\":\"Bearer token required\"}");
            return;
        }
        Object parsed;
        try {
            parsed = new JsonReader(new String(body, StandardCharsets.UTF_8)).readDocument();
        } catch (IllegalArgumentException e) {
            errors.increment();
            send(ex, 400, "{\"errors\":[{\"message\":" + quote("Body is not JSON: " + e.getMessage()) + "}]}");
            return;
        }
        if (!(parsed instanceof Map<?, ?> request) || !(request.get("query") instanceof String query)) {
            errors.increment();
            send(ex, 400, "{\"errors\":[{\"message\":\"A JSON object with a query string is expected\"}]}");
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> variables = request.get("variables") instanceof Map<?, ?> v ? (Map<String, Object>) v : Map.of();
        StringBuilder out = new StringBuilder(32_768);
        try {
            List<Field> roots = new QueryParser(query, variables).parseOperation();
            out.append("{\"data\":{");
            boolean first = true;
            for (Field root : roots) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                out.append(quote(root.alias)).append(':');
                resolveRoot(root, out);
            }
            out.append("}}");
        } catch (GraphQlError e) {
            errors.increment();
            send(ex, 200, "{\"data\":null,\"errors\":[{\"message\":" + quote(e.getMessage()) + "}]}");
            return;
        }
        send(ex, 200, out.toString());
    }

    void resolveRoot(Field root, StringBuilder out) {
        LongAdder counter = requests.get(root.name);
        if (counter == null) {
            throw new GraphQlError("Cannot query field \"" + root.name + "\" on type \"PrivateQuery\".");
        }
        counter.increment();
        if (root.name.equals("client")) {
            Object id = root.args.get("id");
            int index = id instanceof String s ? Ids.decode(s, Ids.CLIENT, clients) : -1;
            if (index < 0) {
                out.append("null");
            } else {
                nodesServed.get("client").increment();
                write(out, data.client(index), root.selection);
            }
            return;
        }
        if (root.name.equals("allUsers")) {
            // Gazelle's allUsers is a plain list: no arguments, no paging, no nodes (issue 16)
            Listing users = data.listing(root.name, Map.of());
            List<Obj> list = new ArrayList<>();
            for (int u = users.lo(); u < users.hi(); u++) {
                list.add(users.node().apply(u));
            }
            nodesServed.get("allUsers").add(list.size());
            write(out, list, root.selection);
            return;
        }
        Listing listing = data.listing(root.name, root.args);
        int first = intArg(root.args, "first", maxFirst);
        first = Math.max(0, Math.min(first, maxFirst));
        int afterIndex = -1;
        Object after = root.args.get("after");
        if (after != null) {
            afterIndex = Cursors.decode(String.valueOf(after));
        }
        int[] page = new int[first];
        int count = 0;
        int i = Math.max(listing.lo, afterIndex + 1);
        for (; i < listing.hi && count < first; i++) {
            if (listing.filter == null || listing.filter.test(i)) {
                page[count++] = i;
            }
        }
        boolean hasNext = false;
        for (; i < listing.hi; i++) {
            if (listing.filter == null || listing.filter.test(i)) {
                hasNext = true;
                break;
            }
        }
        int[] indices = Arrays.copyOf(page, count);
        nodesServed.get(root.name).add(count);
        write(out, new Connection(listing, indices, hasNext, afterIndex), root.selection);
    }

    static int intArg(Map<String, Object> args, String name, int absent) {
        Object value = args.get(name);
        if (value == null) {
            return absent;
        }
        if (value instanceof Number n) {
            return n.intValue();
        }
        throw new GraphQlError("Argument \"" + name + "\" must be an Int");
    }

    // ---------------------------------------------------------------- output

    /** A GraphQL object: its fields are computed on demand. */
    interface Obj {
        Object get(String field);
    }

    void write(StringBuilder out, Object value, List<Field> selection) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            quote(out, s);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(out, list.get(i), selection);
            }
            out.append(']');
        } else if (value instanceof Obj obj) {
            if (selection == null || selection.isEmpty()) {
                throw new GraphQlError("An object field needs a selection of subfields");
            }
            if (obj instanceof Child) {
                childrenServed.increment();
            }
            out.append('{');
            boolean first = true;
            for (Field field : selection) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(out, field.alias);
                out.append(':');
                write(out, field.name.equals("__typename") ? obj.getClass().getSimpleName() : obj.get(field.name),
                        field.selection);
            }
            out.append('}');
        } else {
            quote(out, value.toString());
        }
    }

    /** The pageInfo of a nested connection served whole. */
    static final Obj LAST_PAGE = f -> f.equals("hasNextPage") || f.equals("hasPreviousPage") ? Boolean.FALSE : null;

    /** Marks nested records (contacts, invoice items, event pianos) for the "children" counter. */
    interface Child extends Obj {
    }

    /** One page of a list, as a Relay connection. */
    final class Connection implements Obj {
        final Listing listing;
        final int[] indices;
        final boolean hasNext;
        final int afterIndex;

        Connection(Listing listing, int[] indices, boolean hasNext, int afterIndex) {
            this.listing = listing;
            this.indices = indices;
            this.hasNext = hasNext;
            this.afterIndex = afterIndex;
        }

        @Override
        public Object get(String field) {
            switch (field) {
                case "nodes": {
                    List<Obj> nodes = new ArrayList<>(indices.length);
                    for (int index : indices) {
                        nodes.add(listing.node.apply(index));
                    }
                    return nodes;
                }
                case "edges": {
                    List<Obj> edges = new ArrayList<>(indices.length);
                    for (int index : indices) {
                        edges.add(f -> switch (f) {
                            case "cursor" -> Cursors.encode(index);
                            case "node" -> listing.node.apply(index);
                            default -> null;
                        });
                    }
                    return edges;
                }
                case "pageInfo":
                    return (Obj) f -> switch (f) {
                        case "hasNextPage" -> hasNext;
                        case "hasPreviousPage" -> indices.length > 0 && indices[0] > listing.lo;
                        case "endCursor" -> indices.length == 0 ? null : Cursors.encode(indices[indices.length - 1]);
                        case "startCursor" -> indices.length == 0 ? null : Cursors.encode(indices[0]);
                        default -> null;
                    };
                case "totalCount": {
                    if (listing.filter == null) {
                        return Math.max(0, listing.hi - listing.lo);
                    }
                    int n = 0;
                    for (int i = listing.lo; i < listing.hi; i++) {
                        if (listing.filter.test(i)) {
                            n++;
                        }
                    }
                    return n;
                }
                default:
                    return null;
            }
        }
    }

    /** The indices [lo, hi) of a list that a filter keeps, and how to build the node of an index. */
    record Listing(int lo, int hi, IntPredicate filter, java.util.function.IntFunction<Obj> node) {
    }

    // ---------------------------------------------------------------- data
    static final class Data {
        final GazelleStub cfg;
        final long nowSec;
        final long historyStart = LocalDate.of(2016, 1, 1).atStartOfDay(MONTREAL).toEpochSecond();
        // clients
        final long[] clientCreated, clientUpdated;
        final int institutions;
        // pianos
        final int[] pianoOwner;
        final int[][] pianosOfClient;
        final long[] pianoUpdated;
        final String[] pianoLocation;
        final int institutionalPianos;
        // appointments
        final long[] apptStart, apptUpdated;
        final int[] apptLocalDay;
        // invoices
        final long invoiceSpan;
        final long[] invoiceUpdated;
        // users
        final String[][] userNames;
        // timeline: per year
        final int[] tlYearStartIndex;
        final long[] tlYearStart, tlYearSpan;
        final int[] tlYearCount;

        Data(GazelleStub cfg) {
            this.cfg = cfg;
            this.nowSec = cfg.now.getEpochSecond();
            long span = Math.max(1, nowSec - historyStart);
            // users: the technicians of DOMAIN.md, the "À attribuer" placeholder and the office
            String[][] known = {{"Allan", "Y"}, {"Nicolas", "X"}, {"À", "attribuer"}, {"Mathieu", "Gagnon"},
                    {"Louise", "Tremblay"}, {"Gilles", "Bédard"}, {"Sophie", "Lévesque"}};
            userNames = new String[cfg.users][];
            for (int u = 0; u < cfg.users; u++) {
                userNames[u] = u < known.length ? known[u] : new String[] {"Technicien", "n° " + (u + 1)};
            }
            // clients: the five institutions first, then homes and businesses created over 2016..now
            institutions = Math.min(5, cfg.clients);
            clientCreated = new long[cfg.clients];
            clientUpdated = new long[cfg.clients];
            for (int c = 0; c < cfg.clients; c++) {
                long h = hash(1, c, 0);
                long created = historyStart + (long) ((c + unit(h)) * span / cfg.clients);
                if (c < institutions) {
                    created = historyStart + 86_400L * (30 + 17 * c) + 50_400;
                }
                clientCreated[c] = created;
                clientUpdated[c] = updatedAfter(created, hash(1, c, 1));
            }
            // pianos: PdA 16, music school 121, summer academy 61, university hall 20 per 1,000, the rest at home
            int n = cfg.pianos;
            int[] fleet = {scaled(16, n), scaled(0, n), scaled(121, n), scaled(61, n), scaled(20, n)};
            pianoOwner = new int[n];
            pianoLocation = new String[n];
            pianoUpdated = new long[n];
            int p = 0;
            for (int inst = 0; inst < institutions; inst++) {
                for (int k = 0; k < fleet[inst] && p < n; k++, p++) {
                    pianoOwner[p] = inst;
                }
            }
            for (; p < n; p++) {
                pianoOwner[p] = cfg.clients > institutions ? institutions + pick(hash(2, p, 0), cfg.clients - institutions)
                        : pick(hash(2, p, 0), cfg.clients);
            }
            int fleetSize = 0;
            while (fleetSize < n && pianoOwner[fleetSize] < institutions) {
                fleetSize++;
            }
            institutionalPianos = fleetSize;
            List<List<Integer>> byClient = new ArrayList<>();
            for (int c = 0; c < cfg.clients; c++) {
                byClient.add(new ArrayList<>(0));
            }
            for (p = 0; p < n; p++) {
                byClient.get(pianoOwner[p]).add(p);
                pianoLocation[p] = pianoLocationOf(p);
                long created = Math.max(clientCreated[pianoOwner[p]], historyStart) + 3_600;
                pianoUpdated[p] = updatedAfter(created, hash(2, p, 1));
            }
            pianosOfClient = new int[cfg.clients][];
            for (int c = 0; c < cfg.clients; c++) {
                pianosOfClient[c] = byClient.get(c).stream().mapToInt(Integer::intValue).toArray();
            }
            // appointments: from 60 days before now to 90 days after, business hours in Montreal, sorted by start
            int a = cfg.appointments;
            long[] starts = new long[a];
            LocalDate today = LocalDate.ofInstant(cfg.now, MONTREAL);
            for (int e = 0; e < a; e++) {
                long h = hash(3, e, 0);
                int day = (int) (((long) e * 150) / Math.max(1, a)) - 60;
                LocalDate date = today.plusDays(day);
                if (date.getDayOfWeek().getValue() == 7) {
                    date = date.plusDays(1); // no Sunday visits
                }
                int minutes = 8 * 60 + 30 * pick(h, 20);
                starts[e] = date.atStartOfDay(MONTREAL).plusMinutes(minutes).toEpochSecond();
            }
            Arrays.sort(starts);
            apptStart = starts;
            apptLocalDay = new int[a];
            apptUpdated = new long[a];
            for (int e = 0; e < a; e++) {
                apptLocalDay[e] = (int) LocalDate.ofInstant(Instant.ofEpochSecond(starts[e]), MONTREAL).toEpochDay();
                long created = appointmentCreated(e, starts[e]);
                // a past visit was last touched when it was completed; a coming one when it was booked or moved
                long updated = starts[e] < nowSec ? Math.min(nowSec - 3_600, starts[e] + 7_200 + pick(hash(3, e, 2), 86_400))
                        : created + pick(hash(3, e, 2), (int) Math.max(1, Math.min(3 * 86_400L, nowSec - 3_600 - created)));
                apptUpdated[e] = Math.max(created, updated);
            }
            // invoices: numbered in creation order over 2016..now
            invoiceSpan = span;
            invoiceUpdated = new long[cfg.invoices];
            for (int k = 0; k < cfg.invoices; k++) {
                long created = invoiceCreated(k);
                long paidAfter = 86_400L * (1 + pick(hash(5, k, 1), 20));
                // paid (and so last updated) 1 to 20 days after it was issued; not yet paid: unchanged since issued
                invoiceUpdated[k] = created + paidAfter < nowSec - 600 ? created + paidAfter : created;
            }
            // timeline: DOMAIN.md's yearly counts (2016-2025), then 60,000 a year (about 150 a day), the current
            // year pro rata up to now; scaled to the requested count, uniform inside each year
            int firstYear = 2016;
            int lastYear = LocalDateTime.ofEpochSecond(nowSec, 0, ZoneOffset.UTC).getYear();
            int years = Math.max(1, lastYear - firstYear + 1);
            double[] weight = new double[years];
            long[] yStart = new long[years];
            long[] ySpan = new long[years];
            int[] domain = {9_943, 21_917, 25_447, 29_722, 26_417, 27_989, 32_012, 28_313, 26_034, 52_428};
            double total = 0;
            for (int y = 0; y < years; y++) {
                long s = LocalDate.of(firstYear + y, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
                long e = LocalDate.of(firstYear + y + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
                long end = Math.min(e, nowSec);
                yStart[y] = s;
                ySpan[y] = Math.max(0, end - s);
                double perYear = y < domain.length ? domain[y] : 60_000;
                weight[y] = perYear * ySpan[y] / (double) (e - s);
                total += weight[y];
            }
            int[] counts = new int[years];
            int assigned = 0;
            double[] remainder = new double[years];
            for (int y = 0; y < years; y++) {
                double exact = total == 0 ? 0 : cfg.timeline * weight[y] / total;
                counts[y] = (int) Math.floor(exact);
                remainder[y] = exact - counts[y];
                assigned += counts[y];
            }
            while (assigned < cfg.timeline) { // largest remainders, ties to the latest year
                int best = years - 1;
                for (int y = years - 1; y >= 0; y--) {
                    if (remainder[y] > remainder[best] && ySpan[y] > 0) {
                        best = y;
                    }
                }
                counts[best]++;
                remainder[best] = -1;
                assigned++;
            }
            tlYearCount = counts;
            tlYearStart = yStart;
            tlYearSpan = ySpan;
            tlYearStartIndex = new int[years + 1];
            for (int y = 0; y < years; y++) {
                tlYearStartIndex[y + 1] = tlYearStartIndex[y] + counts[y];
            }
        }

        /** Booked 3 to 42 days before the visit, and never after now. */
        long appointmentCreated(int e, long start) {
            long booked = Math.min(start - 3 * 86_400L, nowSec - 2 * 86_400L) - 86_400L * pick(hash(3, e, 1), 40) - 3_600L * pick(hash(3, e, 4), 10);
            return Math.max(historyStart, booked);
        }

        static int scaled(int per1000, int n) {
            return (int) Math.round(per1000 * n / 1000.0);
        }

        /** A last edit between the creation and now: most records were touched long ago, a few last week. */
        long updatedAfter(long created, long h) {
            long room = Math.max(0, nowSec - 3_600 - created);
            double u = unit(h);
            long updated;
            double v = unit(hash(10, h, 0)); // independent of u
            if (u < 0.02) {
                updated = nowSec - 3_600 - (long) (v * Math.min(room, 7 * 86_400L)); // the last 7 days
            } else {
                updated = created + (long) (Math.pow(v, 2) * room);
            }
            return Math.max(created, Math.min(updated, nowSec - 3_600));
        }

        long invoiceCreated(int k) {
            long h = hash(5, k, 0);
            return historyStart + (long) ((k + unit(h)) * invoiceSpan / Math.max(1, cfg.invoices));
        }

        int invoiceAt(long t) {
            if (cfg.invoices == 0) {
                return -1;
            }
            long k = (t - historyStart) * cfg.invoices / Math.max(1, invoiceSpan);
            return (int) Math.max(0, Math.min(cfg.invoices - 1, k));
        }

        long occurredAt(int i) {
            int y = 0;
            while (i >= tlYearStartIndex[y + 1]) {
                y++;
            }
            int j = i - tlYearStartIndex[y];
            double u = unit(hash(6, i, 0));
            return tlYearStart[y] + (long) Math.floor((j + u) * tlYearSpan[y] / tlYearCount[y]);
        }

        /** First index whose occurredAt is at least t (binary search: occurredAt is non-decreasing). */
        int timelineLowerBound(long t) {
            int lo = 0, hi = cfg.timeline;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (occurredAt(mid) >= t) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo;
        }

        String pianoLocationOf(int p) {
            int owner = pianoOwner[p];
            long h = hash(2, p, 2);
            return switch (owner < institutions ? owner : -1) {
                case 0 -> pickOf(h, "WP", "WP", "MS", "MS", "TM", "5E", "SCL", "Salle E", "WP loge A", "ODM");
                case 1 -> "MS";
                case 2 -> pickOf(h, "EM" + (400 + pick(h >>> 9, 40)), "EM " + (400 + pick(h >>> 9, 40)) + " ",
                        "Room #" + (300 + pick(h >>> 9, 30)), "Salle de récital", "Room #?");
                case 3 -> pickOf(h, "Studio " + (1 + pick(h >>> 9, 30)), "Pavillon A", "Chapelle", "Salle Bourgie démo");
                case 4 -> pickOf(h, "Scène", "Salle de répétition", "Studio B");
                default -> pickOf(h, "Salon", "Salon", "Sous-sol", "Salle à manger", null, null, "Studio", "Église, nef");
            };
        }

        Listing listing(String root, Map<String, Object> args) {
            Long updatedGet = instantArg(args, "updatedAtGet", false);
            return switch (root) {
                case "allUsers" -> new Listing(0, cfg.users, updatedGet == null ? null : i -> userUpdated(i) >= updatedGet,
                        this::user);
                case "allClients" -> new Listing(0, cfg.clients,
                        updatedGet == null ? null : i -> clientUpdated[i] >= updatedGet, this::client);
                case "allPianos" -> new Listing(0, cfg.pianos,
                        updatedGet == null ? null : i -> pianoUpdated[i] >= updatedGet, this::piano);
                case "allInvoices" -> new Listing(0, cfg.invoices,
                        updatedGet == null ? null : i -> invoiceUpdated[i] >= updatedGet, this::invoice);
                case "allEventsBatched" -> {
                    LocalDate startOn = dateArg(args, "startOn");
                    LocalDate endOn = dateArg(args, "endOn");
                    int lo = startOn == null ? 0 : lowerBound(apptLocalDay, (int) startOn.toEpochDay());
                    int hi = endOn == null ? cfg.appointments : lowerBound(apptLocalDay, (int) endOn.toEpochDay() + 1);
                    yield new Listing(lo, Math.max(lo, hi), updatedGet == null ? null : i -> apptUpdated[i] >= updatedGet,
                            this::appointment);
                }
                case "allTimelineEntries" -> {
                    Long get = instantArg(args, "occurredAtGet", false);
                    Long let = instantArg(args, "occurredAtLet", true);
                    int lo = get == null ? 0 : timelineLowerBound(get);
                    int hi = let == null ? cfg.timeline : timelineLowerBound(let + 1);
                    yield new Listing(lo, Math.max(lo, hi), null, this::timelineEntry);
                }
                default -> throw new GraphQlError("Cannot query field \"" + root + "\" on type \"PrivateQuery\".");
            };
        }

        static int lowerBound(int[] sorted, int value) {
            int lo = 0, hi = sorted.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted[mid] >= value) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo;
        }

        /** A DateTime argument in epoch seconds (ceiling for a lower bound, floor for an upper bound). */
        static Long instantArg(Map<String, Object> args, String name, boolean upper) {
            Object value = args.get(name);
            if (value == null) {
                return null;
            }
            String text = String.valueOf(value).trim();
            try {
                if (text.length() == 10) {
                    LocalDate d = LocalDate.parse(text);
                    return upper ? d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() - 1
                            : d.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
                }
                Instant instant = OffsetDateTime.parse(text).toInstant();
                long sec = instant.getEpochSecond();
                return !upper && instant.getNano() > 0 ? sec + 1 : sec;
            } catch (DateTimeParseException e) {
                throw new GraphQlError("Argument \"" + name + "\" has an invalid value: \"" + text + "\" (DateTime expected)");
            }
        }

        static LocalDate dateArg(Map<String, Object> args, String name) {
            Object value = args.get(name);
            if (value == null) {
                return null;
            }
            String text = String.valueOf(value).trim();
            try {
                if (text.length() == 10) {
                    return LocalDate.parse(text);
                }
                return LocalDate.ofInstant(OffsetDateTime.parse(text).toInstant(), MONTREAL);
            } catch (DateTimeParseException e) {
                throw new GraphQlError("Argument \"" + name + "\" has an invalid value: \"" + text + "\" (Date expected)");
            }
        }

        // ------------------------------------------------------------ nodes

        long userUpdated(int u) {
            return historyStart + 86_400L * (10 + 200L * u);
        }

        Obj user(int u) {
            String[] name = userNames[u];
            return f -> switch (f) {
                case "id" -> Ids.encode(Ids.USER, u);
                case "firstName" -> name[0];
                case "lastName" -> name[1];
                case "email" -> u == 2 ? null : Text.ascii(name[0]).toLowerCase() + "@ptm-demo.example";
                case "status" -> "ACTIVE";
                case "createdAt" -> iso(historyStart + 86_400L * (1 + u));
                case "updatedAt" -> iso(userUpdated(u));
                default -> null;
            };
        }

        String technician(long h) {
            // Allan and Nicolas do most of the work; Mathieu and the others the rest; never the office (Louise)
            int[] weights = {40, 35, 0, 20, 0, 5, 5};
            int total = 0;
            for (int u = 0; u < Math.min(cfg.users, weights.length); u++) {
                total += weights[u];
            }
            if (total == 0) {
                return Ids.encode(Ids.USER, 0);
            }
            int r = pick(h, total);
            for (int u = 0; u < Math.min(cfg.users, weights.length); u++) {
                r -= weights[u];
                if (r < 0) {
                    return Ids.encode(Ids.USER, u);
                }
            }
            return Ids.encode(Ids.USER, 0);
        }

        String placeholderUser() {
            return Ids.encode(Ids.USER, cfg.users > 2 ? 2 : 0);
        }

        static final String[][] INSTITUTIONS = {
                {"Place des Arts", "Coordination technique"},
                {"Orchestre résident de la Place des Arts", "Régie"},
                {"École de musique démo", "Direction"},
                {"Académie d'été démo", "Administration"},
                {"Salle de concert universitaire", "Régie"}};

        Obj client(int c) {
            long h = hash(1, c, 2);
            boolean institution = c < institutions;
            String first = Text.FIRST[pick(h, Text.FIRST.length)];
            String last = Text.LAST[pick(h >>> 8, Text.LAST.length)];
            boolean handTagged = !institution && c % 250 == 7; // a church or a school Allan tagged by hand
            String company = institution ? INSTITUTIONS[c][0]
                    : handTagged ? Text.company(pickOf(h >>> 24, 1L, 6L), last)
                    : pick(h >>> 16, 100) < 12 ? Text.company(h >>> 24, last) : null;
            List<String> tags = institution || handTagged ? List.of("institutional")
                    : pick(h >>> 20, 100) < 6 ? List.of(pickOf(h >>> 28, "VIP", "tournée", "paiement à la visite", "PLS"))
                    : List.of();
            String city = institution ? "Montréal" : Text.CITIES[pick(h >>> 32, Text.CITIES.length)];
            boolean french = pick(h >>> 36, 100) < 78;
            return f -> switch (f) {
                case "id" -> Ids.encode(Ids.CLIENT, c);
                case "companyName" -> company;
                case "personalNotes" -> pick(h >>> 40, 100) < 15 ? Text.personalNote(h >>> 44) : null;
                case "preferenceNotes" -> pick(h >>> 42, 100) < 20 ? Text.preferenceNote(h >>> 46) : null;
                case "status" -> institution || pick(h >>> 3, 100) >= 9 ? "ACTIVE" : "INACTIVE";
                case "clientType" -> institution || handTagged ? "INSTITUTIONAL" : company != null ? "COMMERCIAL" : "RESIDENTIAL";
                case "lifecycleState" -> clientUpdated[c] > nowSec - 365 * 86_400L ? "ACTIVE_CLIENT" : "DORMANT";
                case "referredBy" -> pick(h >>> 5, 100) < 4 ? "Recommandé par " + Text.FIRST[pick(h >>> 50, Text.FIRST.length)] : null;
                case "noContactReason" -> pick(h >>> 7, 100) < 2 ? "Déménagé, ne plus contacter" : null;
                case "noContactUntil" -> null;
                case "tags" -> tags;
                case "preferredTechnicianId" -> pick(h >>> 9, 100) < 30 ? technician(h >>> 11) : null;
                case "defaultClientLocalization" -> (Obj) g -> g.equals("locale") ? (french ? "fr_CA" : "en_US") : null;
                case "createdAt" -> iso(clientCreated[c]);
                case "updatedAt" -> iso(clientUpdated[c]);
                case "defaultContact" -> contact(c, h, first, last, city, institution);
                default -> null;
            };
        }

        Obj contact(int c, long h, String first, String last, String city, boolean institution) {
            return (Child) f -> switch (f) {
                case "id" -> Ids.encode(Ids.CONTACT, c);
                case "firstName" -> first;
                case "lastName" -> last;
                case "title" -> institution ? INSTITUTIONS[c][1] : null;
                case "wantsEmail" -> pick(h >>> 13, 100) < 85;
                case "wantsPhone" -> pick(h >>> 15, 100) < 60;
                case "wantsText" -> pick(h >>> 17, 100) < 40;
                case "defaultEmail" -> pick(h >>> 19, 100) >= 90 ? null : (Obj) g -> (g.equals("email")
                        ? Text.ascii(first + "." + last).toLowerCase().replace(' ', '-') + (c % 7) + "@exemple.ca" : null);
                case "defaultPhone" -> (Obj) g -> g.equals("phoneNumber") ? Text.phone(h >>> 21, city) : null;
                case "defaultLocation" -> (Obj) g -> switch (g) {
                    case "street1" -> (10 + pick(h >>> 23, 9000)) + ", " + Text.STREETS[pick(h >>> 27, Text.STREETS.length)];
                    case "street2" -> pick(h >>> 31, 100) < 25 ? "App. " + (1 + pick(h >>> 33, 12)) : null;
                    case "municipality" -> city;
                    case "postalCode" -> Text.postalCode(h >>> 35, city);
                    case "region" -> "QC";
                    default -> null;
                };
                case "createdAt" -> iso(clientCreated[c]);
                case "updatedAt" -> iso(clientUpdated[c]);
                default -> null;
            };
        }

        Obj piano(int p) {
            long h = hash(2, p, 3);
            int owner = pianoOwner[p];
            // digital pianos exist but are rare (3 %); the last two models are the digital ones
            String[] model = pick(h >>> 61, 100) < 3 ? Text.MODELS[Text.MODELS.length - 1 - pick(h, 2)]
                    : Text.MODELS[pick(h, Text.MODELS.length - 2)];
            boolean institutional = owner < institutions;
            if (owner == 0 || owner == 1) {
                model = Text.MODELS[pick(h, 4)]; // concert grands at Place des Arts
            }
            String[] chosen = model;
            boolean grand = chosen[2].equals("GRAND");
            boolean digital = chosen[2].equals("DIGITAL");
            int interval = institutional ? (owner <= 1 ? 3 : 6) : pickInt(h >>> 5, 12, 12, 12, 6, 24);
            long created = Math.max(clientCreated[owner], historyStart) + 3_600;
            LocalDate last = LocalDate.ofInstant(Instant.ofEpochSecond(Math.max(created, nowSec - 86_400L * (5 + pick(h >>> 9, 400)))), MONTREAL);
            boolean pls = !digital && pick(h >>> 13, 1000) < 340;
            boolean hidden = owner == 2 && pick(h >>> 17, 100) < 5 || pick(h >>> 17, 1000) < 3;
            boolean inactive = owner == 2 ? pick(h >>> 19, 100) < 50 : pick(h >>> 19, 100) < 7;
            String serial = (chosen[0].equals("Yamaha") ? pickOf(h >>> 23, "J", "j", "") : "") + (100_000 + pick(h >>> 29, 900_000));
            return f -> switch (f) {
                case "id" -> Ids.encode(Ids.PIANO, p);
                case "client" -> ref(Ids.encode(Ids.CLIENT, owner));
                case "make" -> chosen[0];
                case "model" -> chosen[1];
                case "serialNumber" -> serial;
                case "size" -> grand ? chosen[3] : null;
                case "location" -> pianoLocation[p];
                case "notes" -> pick(h >>> 37, 100) < 20 ? Text.pianoNote(h >>> 39) : null;
                case "caseColor" -> pickOf(h >>> 41, "Noir", "Noir", "Acajou", "Noyer", "Blanc");
                case "caseFinish" -> pickOf(h >>> 43, "Poli", "Satiné", "Mat");
                case "type" -> chosen[2];
                case "year" -> pick(h >>> 45, 100) < 15 ? null : 1950 + pick(h >>> 47, 75);
                case "status" -> inactive ? "INACTIVE" : "ACTIVE";
                case "hasIvory" -> pick(h >>> 49, 100) < 10;
                case "rental", "consignment" -> false;
                case "needsRepairOrRebuilding" -> pick(h >>> 51, 100) < 4;
                case "serviceIntervalMonths" -> interval;
                case "calculatedLastService" -> last.toString();
                case "calculatedNextService" -> last.plusMonths(interval).toString();
                case "tags" -> hidden ? List.of("non") : owner == 2 && pick(h >>> 53, 100) < 20 ? List.of("École", "Priorité 1") : List.of();
                case "damppChaserInstalled" -> pls;
                case "damppChaserHumidistatModel" -> pls ? pickOf(h >>> 55, "Dampp-Chaser H-3", "Dampp-Chaser H-4", "HC-3") : null;
                case "damppChaserMfgDate" -> pls ? LocalDate.of(2012 + pick(h >>> 57, 13), 1 + pick(h >>> 59, 12), 1).toString() : null;
                case "createdAt" -> iso(created);
                case "updatedAt" -> iso(pianoUpdated[p]);
                default -> null;
            };
        }

        Obj appointment(int e) {
            long h = hash(3, e, 3);
            long start = apptStart[e];
            boolean past = start < nowSec;
            int kind = pick(h, 100);
            String type = kind < 90 ? "APPOINTMENT" : kind < 95 ? "PERSONAL" : "MEMO";
            boolean pda = type.equals("APPOINTMENT") && pick(h >>> 7, 100) < 12 && institutions > 0;
            int client;
            if (!type.equals("APPOINTMENT")) {
                client = -1;
            } else if (pda) {
                client = 0;
            } else if (pick(h >>> 9, 100) < 15 && institutions > 2) {
                client = 2 + pick(h >>> 11, institutions - 2);
            } else {
                client = cfg.clients > institutions ? institutions + pick(h >>> 13, cfg.clients - institutions) : 0;
            }
            int[] owned = client < 0 ? new int[0] : pianosOfClient[client];
            List<Integer> pianoList = new ArrayList<>();
            if (owned.length > 0) {
                pianoList.add(owned[pick(h >>> 17, owned.length)]);
                if (pda && pick(h >>> 19, 100) < 20 && owned.length > 1) {
                    int second = owned[pick(h >>> 21, owned.length)];
                    if (second != pianoList.get(0)) {
                        pianoList.add(second);
                    }
                }
            }
            String show = Text.SHOWS[pick(h >>> 23, Text.SHOWS.length)];
            String hall = pianoList.isEmpty() ? "MS" : pianoLocation[pianoList.get(0)];
            int statusRoll = pick(h >>> 27, 100);
            String status = past ? (statusRoll < 85 ? "COMPLETE" : statusRoll < 92 ? "CANCELLED" : "ACTIVE")
                    : statusRoll < 4 ? "CANCELLED" : "ACTIVE";
            boolean unassigned = !past && pick(h >>> 29, 100) < (pda ? 35 : 15);
            String localHour = ZonedDateTime.ofInstant(Instant.ofEpochSecond(start), MONTREAL).getHour() + 2 + "h";
            String title = switch (type) {
                case "PERSONAL" -> pickOf(h >>> 31, "Bloc personnel", "Congé", "Formation Dampp-Chaser");
                case "MEMO" -> pickOf(h >>> 31, "Commander des cordes", "Rappeler Louise", "Inventaire du camion");
                default -> pda ? "Place des Arts " + show + " avant " + localHour
                        : Text.APPOINTMENT_TITLES[pick(h >>> 31, Text.APPOINTMENT_TITLES.length)];
            };
            String notes = pda ? "Salle " + hall + ", entrée des artistes. Diapason " + pickOf(h >>> 35, "442", "440", "442")
                    : pick(h >>> 35, 100) < 50 ? Text.appointmentNote(h >>> 37) : null;
            boolean allDay = type.equals("PERSONAL") && pick(h >>> 41, 100) < 50;
            String user = unassigned ? placeholderUser() : technician(h >>> 43);
            long created = appointmentCreated(e, start);
            return f -> switch (f) {
                case "id" -> Ids.encode(Ids.EVENT, e);
                case "title" -> title;
                case "notes" -> notes;
                case "source" -> pickOf(h >>> 45, "OFFICE", "OFFICE", "ONLINE_BOOKING", "CLIENT_PORTAL");
                case "travelMode" -> type.equals("APPOINTMENT") ? "DRIVING" : null;
                case "start" -> iso(allDay ? LocalDate.ofInstant(Instant.ofEpochSecond(start), MONTREAL)
                        .atStartOfDay(MONTREAL).toEpochSecond() : start);
                case "duration" -> allDay ? 1440 : pda ? 60 : pickInt(h >>> 47, 60, 90, 90, 120);
                case "isAllDay" -> allDay;
                case "confirmedByClient" -> past || pick(h >>> 49, 100) < 70;
                case "type" -> type;
                case "status" -> status;
                case "client" -> client < 0 ? null : ref(Ids.encode(Ids.CLIENT, client));
                case "user" -> ref(user);
                case "createdBy" -> ref(Ids.encode(Ids.USER, cfg.users > 4 ? 4 : 0));
                case "allEventPianos" -> (Obj) g -> {
                    if (g.equals("pageInfo")) {
                        return LAST_PAGE;   // every link fits in the first page
                    }
                    if (!g.equals("nodes")) {
                        return null;
                    }
                    List<Obj> links = new ArrayList<>();
                    for (int piano : pianoList) {
                        links.add((Child) k -> k.equals("piano") ? ref(Ids.encode(Ids.PIANO, piano)) : null);
                    }
                    return links;
                };
                case "createdAt" -> iso(created);
                case "updatedAt" -> iso(apptUpdated[e]);
                default -> null;
            };
        }

        Obj invoice(int k) {
            long h = hash(5, k, 2);
            long created = invoiceCreated(k);
            int client = pick(h, 100) < 15 && institutions > 0 ? pick(h >>> 7, institutions)
                    : cfg.clients > institutions ? institutions + pick(h >>> 9, cfg.clients - institutions) : 0;
            int itemCount = 1 + pick(h >>> 13, 3);
            List<Obj> items = new ArrayList<>(itemCount);
            long sub = 0, total = 0;
            for (int s = 0; s < itemCount; s++) {
                long ih = hash(5, k, 10 + s);
                String[] service = s == 0 ? Text.SERVICES[pick(ih, 4)] : Text.SERVICES[pick(ih, Text.SERVICES.length)];
                int quantity = service[2].equals("TRAVEL") || s == 0 ? 1 : 1 + pick(ih >>> 9, 2);
                long amount = Long.parseLong(service[1]);
                long itemSub = amount * quantity;
                boolean taxable = !service[2].equals("DISCOUNT");
                long tax = taxable ? Math.round(itemSub * 0.05) + Math.round(itemSub * 0.09975) : 0;
                sub += itemSub;
                total += itemSub + tax;
                int seq = s + 1;
                int q = quantity;
                long t = tax;
                items.add((Child) f -> switch (f) {
                    case "id" -> Ids.encode(Ids.INVOICE_ITEM, k * 4 + seq);
                    case "description" -> service[0];
                    case "type" -> service[2];
                    case "quantity" -> q;
                    case "amount" -> amount;
                    case "subTotal" -> itemSub;
                    case "taxTotal" -> t;
                    case "total" -> itemSub + t;
                    case "billable" -> true;
                    case "taxable" -> taxable;
                    case "sequenceNumber" -> seq;
                    default -> null;
                });
            }
            long subTotal = sub, grandTotal = total;
            boolean recent = created > nowSec - 45 * 86_400L;
            String status = recent ? pickOf(h >>> 17, "DUE", "DUE", "PAID", "DRAFT") : pick(h >>> 17, 100) < 2 ? "OVERDUE" : "PAID";
            return f -> switch (f) {
                case "id" -> Ids.encode(Ids.INVOICE, k);
                case "client" -> ref(Ids.encode(Ids.CLIENT, client));
                case "assignedTo" -> ref(technician(h >>> 21));
                case "number" -> 10_001 + k;
                case "status" -> status;
                case "subTotal" -> subTotal;
                case "total" -> grandTotal;
                case "notes" -> pick(h >>> 25, 100) < 20 ? pickOf(h >>> 27, "Merci de votre confiance !",
                        "Payable à la réception.", "Paiement par virement Interac accepté.", "Tarif institutionnel appliqué.") : null;
                case "createdAt" -> iso(created);
                case "dueOn" -> LocalDate.ofInstant(Instant.ofEpochSecond(created), MONTREAL).plusDays(30).toString();
                case "updatedAt" -> iso(invoiceUpdated[k]);
                case "allInvoiceItems" -> (Obj) g -> g.equals("nodes") ? items : g.equals("pageInfo") ? LAST_PAGE : null;
                default -> null;
            };
        }

        Obj timelineEntry(int i) {
            long t = occurredAt(i);
            long h = hash(6, i, 1);
            int year = 2016 + yearOf(i);
            String type = Text.timelineType(h, year);
            boolean aboutPiano = Text.aboutPiano(type) && cfg.pianos > 0;
            int piano = -1, client;
            if (aboutPiano) {
                // a quarter of the service work is done on institutional pianos
                int fleet = institutionalPianos;
                piano = fleet > 0 && pick(h >>> 8, 100) < 25 ? pick(h >>> 12, fleet) : pick(h >>> 12, cfg.pianos);
                client = pianoOwner[piano];
            } else {
                client = pick(h >>> 12, cfg.clients);
            }
            int thePiano = piano;
            int invoice = type.startsWith("INVOICE") ? invoiceAt(t) : -1;
            boolean manual = type.endsWith("_MANUAL") || type.equals("USER_COMMENT") || type.startsWith("SERVICE_ENTRY")
                    || type.equals("PIANO_MEASUREMENT") || type.startsWith("ESTIMATE") || type.equals("NOTE");
            String user = manual ? technician(h >>> 20) : null;
            String[] text = Text.timelineText(type, h >>> 24, invoice < 0 ? 0 : 10_001 + invoice);
            return f -> switch (f) {
                case "id" -> Ids.encode(Ids.TIMELINE, i);
                case "occurredAt" -> iso(t);
                case "type" -> type;
                case "summary" -> text[0];
                case "comment" -> text[1];
                case "client" -> ref(Ids.encode(Ids.CLIENT, client));
                case "piano" -> thePiano < 0 ? null : ref(Ids.encode(Ids.PIANO, thePiano));
                case "invoice" -> invoice < 0 ? null : ref(Ids.encode(Ids.INVOICE, invoice));
                case "estimate" -> type.startsWith("ESTIMATE") ? ref(Ids.encode(Ids.ESTIMATE, i)) : null;
                case "user" -> user == null ? null : ref(user);
                default -> null;
            };
        }

        int yearOf(int i) {
            int y = 0;
            while (i >= tlYearStartIndex[y + 1]) {
                y++;
            }
            return y;
        }

        static Obj ref(String id) {
            return f -> f.equals("id") ? id : null;
        }
    }

    // ---------------------------------------------------------------- texts
    static final class Text {
        static final String[] FIRST = {"Marie", "Jean", "Geneviève", "François", "Hélène", "Stéphane", "Josée", "Benoît",
                "Mélanie", "Réjean", "Chloé", "Gaétan", "Éloïse", "Jérôme", "Noémie", "Frédéric", "Amélie", "André", "Céline",
                "Luc", "Sylvie", "Émilie", "Pierre", "Nathalie", "Olivier", "Isabelle", "Guillaume", "Catherine", "Yves",
                "Sophie", "Marc", "Julie", "Denis", "Maude", "Alexandre", "Valérie", "Rémi", "Ariane", "Raphaël", "Léa",
                "Zoé", "Thérèse", "Normand", "Ginette", "Michael", "Sarah", "David", "Emily"};
        static final String[] LAST = {"Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie",
                "Fortin", "Gagné", "Ouellet", "Pelletier", "Bélanger", "Lévesque", "Bergeron", "Leblanc", "Paquette",
                "Girard", "Simard", "Boucher", "Caron", "Beaulieu", "Cloutier", "Dubé", "Poirier", "Fournier", "Lapointe",
                "Leclerc", "Lefebvre", "Poulin", "Thibault", "St-Pierre", "Nadeau", "Martin", "Landry", "Martel", "Bédard",
                "Grenier", "Lessard", "Bernier", "Richard", "Michaud", "Hébert", "Desjardins", "Couture", "Turcotte",
                "Lachance", "Parent", "Blais", "Gosselin", "Savard", "Proulx", "Beaudoin", "Demers", "Perreault",
                "Boudreau", "Lemieux", "Cyr", "Champagne", "Séguin", "O'Brien", "Smith"};
        static final String[] CITIES = {"Montréal", "Montréal", "Montréal", "Montréal", "Montréal", "Montréal", "Laval",
                "Laval", "Longueuil", "Brossard", "Outremont", "Westmount", "Saint-Lambert", "Boucherville", "Terrebonne",
                "Mont-Royal", "Saint-Jérôme", "Sainte-Thérèse"};
        static final String[] STREETS = {"rue Saint-Denis", "avenue du Mont-Royal Est", "rue Sherbrooke Ouest",
                "boulevard Saint-Laurent", "rue Fleury Est", "avenue Laurier Ouest", "rue Ontario Est",
                "chemin de la Côte-des-Neiges", "rue Jean-Talon Est", "avenue Papineau", "rue de Bleury",
                "boulevard René-Lévesque Ouest", "rue Notre-Dame Ouest", "avenue Van Horne", "rue Beaubien Est",
                "boulevard des Laurentides", "chemin de Chambly", "rue Principale"};
        static final String[][] MODELS = {
                {"Steinway", "D", "GRAND", "274 cm"}, {"Steinway", "B", "GRAND", "211 cm"}, {"Yamaha", "CFX", "GRAND", "275 cm"},
                {"Fazioli", "F278", "GRAND", "278 cm"}, {"Yamaha", "C7", "GRAND", "227 cm"}, {"Steinway", "M", "GRAND", "170 cm"},
                {"Kawai", "GX-2", "GRAND", "180 cm"}, {"Baldwin", "R", "GRAND", "173 cm"}, {"Bösendorfer", "200", "GRAND", "200 cm"},
                {"Yamaha", "U1", "UPRIGHT", null}, {"Yamaha", "U3", "UPRIGHT", null}, {"Yamaha", "b2PE", "UPRIGHT", null},
                {"Kawai", "K-300", "UPRIGHT", null}, {"Heintzman", "Droit 1960", "UPRIGHT", null},
                {"Mason & Risch", "Console", "UPRIGHT", null}, {"Steinway", "K-52", "UPRIGHT", null},
                {"Sherlock-Manning", "Studio", "UPRIGHT", null}, {"Yamaha (arch)", "U1", "UPRIGHT", null},
                {"Roland", "LX-708", "DIGITAL", null}, {"Kawai", "CA99", "DIGITAL", null}};
        static final String[] SHOWS = {"Gala fictif", "Récital démo", "Orchestre démo", "Troupe exemple", "Quatuor démo",
                "Concert de Noël démo", "Opéra démo", "Festival démo", "Chœur démo", "Ballet démo", "Jazz démo",
                "Conférence démo"};
        static final String[] APPOINTMENT_TITLES = {"Accord annuel", "Accord", "Accord + réglage des pédales",
                "Accord et entretien PLS", "Installation PLS", "Remplacement du buvard", "Réparation : touche collante",
                "Évaluation avant achat", "Accord (2e visite)", "Harmonisation des marteaux", "Accord 442 Hz",
                "Tournée École de musique"};
        static final String[][] SERVICES = {
                {"Accord de piano", "17500", "SERVICE"}, {"Accord de piano à queue", "19500", "SERVICE"},
                {"Accord institutionnel", "17500", "SERVICE"}, {"Accord et réglage", "24500", "SERVICE"},
                {"Frais de déplacement", "3500", "TRAVEL"}, {"Buvard remplacé", "1200", "PRODUCT"},
                {"Hygrostat de rechange", "5900", "PRODUCT"}, {"Gaine de réservoir", "500", "PRODUCT"},
                {"Corde #18", "2200", "PRODUCT"}, {"Réglage de l'échappement", "9500", "SERVICE"},
                {"Rabais fidélité", "-1500", "DISCOUNT"}};

        static String company(long h, String last) {
            return switch (pick(h, 8)) {
                case 0 -> "Studio " + last + " enr.";
                case 1 -> "Église Saint-" + pickOf(h >>> 4, "Viateur", "Jean-Baptiste", "Édouard", "Ambroise");
                case 2 -> "Chorale Les Voix d'" + pickOf(h >>> 4, "Outremont", "Ahuntsic", "Verdun", "Rosemont");
                case 3 -> "Conservatoire privé " + last;
                case 4 -> "Résidence Les Jardins " + pickOf(h >>> 4, "fleuris", "du Parc", "d'Auteuil");
                case 5 -> "Bar à pianos Le Ré mineur";
                case 6 -> "Collège Sainte-" + pickOf(h >>> 4, "Anne", "Marcelline", "Croix") + " (démo)";
                default -> "Productions " + last + " inc.";
            };
        }

        static String personalNote(long h) {
            return pickOf(h, "Chien à la maison, sonner deux fois.", "Code d'entrée 1234#, 3e étage.",
                    "Paiement par chèque seulement.", "Piano hérité de sa grand-mère ; très attachée à l'instrument.",
                    "Stationnement difficile : prévoir 15 min.", "Parle anglais de préférence.");
        }

        static String preferenceNote(long h) {
            return pickOf(h, "Préfère les rendez-vous le matin.", "Appeler la veille pour confirmer.",
                    "Accord à 442 Hz demandé.", "Pas le vendredi (shabbat).", "Toujours avec Nicolas si possible.",
                    "Envoyer la facture par courriel.");
        }

        static String pianoNote(long h) {
            return pickOf(h, "Piano de concert principal.", "Ré 5 collant, surveiller.", "Pédale de sourdine bruyante.",
                    "Marteaux usés : soumission envoyée.", "Près d'une fenêtre : vérifier l'humidité.",
                    "Ne pas déplacer sans l'équipe de scène.");
        }

        static String appointmentNote(long h) {
            return pickOf(h, "Entrée par le quai.", "Sonner au 2e, la porte colle.", "Le client sera absent : clé chez la voisine.",
                    "Apporter un buvard de rechange.", "Stationnement derrière l'église.", "Accord à 442, concert samedi.");
        }

        static String phone(long h, String city) {
            String area = city.equals("Montréal") || city.equals("Outremont") || city.equals("Westmount") || city.equals("Mont-Royal")
                    ? pickOf(h, "514", "514", "438") : city.equals("Laval") ? "450" : pickOf(h, "450", "579");
            return area + "-555-" + String.format("%04d", pick(h >>> 5, 10_000));
        }

        static String postalCode(long h, String city) {
            String letters = "ABCEGHJKLMNPRSTVWXYZ";
            String area = city.equals("Laval") ? "H7" : city.equals("Montréal") ? "H" + (1 + pick(h, 5))
                    : city.equals("Outremont") ? "H2" : city.equals("Westmount") ? "H3" : city.equals("Mont-Royal") ? "H4"
                    : city.equals("Terrebonne") || city.startsWith("Saint-J") || city.startsWith("Sainte") ? "J7" : "J4";
            return area + letters.charAt(pick(h >>> 4, 20)) + ' ' + pick(h >>> 9, 10)
                    + letters.charAt(pick(h >>> 13, 20)) + pick(h >>> 18, 10);
        }

        /** DOMAIN.md's timeline types with the shares of a real history (automated messages dominate). */
        static final Object[][] TYPES = {
                {"CONTACT_EMAIL_AUTOMATED", 240}, {"SCHEDULED_MESSAGE_EMAIL", 100}, {"APPOINTMENT_LOG", 90},
                {"APPOINTMENT", 60}, {"APPOINTMENT_COMPLETION", 50}, {"CONTACT_SMS_AUTOMATED", 50},
                {"SERVICE_ENTRY_MANUAL", 60}, {"SERVICE_ENTRY_AUTOMATED", 10}, {"PIANO_MEASUREMENT", 15},
                {"SCHEDULED_MESSAGE_SMS", 40}, {"INVOICE", 30}, {"INVOICE_LOG", 30}, {"INVOICE_PAYMENT", 25},
                {"INVOICE_SYNC", 10}, {"CONTACT_EMAIL_MANUAL", 25}, {"CONTACT_PHONE_MANUAL", 20}, {"CONTACT_SMS_MANUAL", 10},
                {"CONTACT_POST_MANUAL", 2}, {"CONTACT_PHONE_AUTOMATED", 3}, {"CONTACT_POST_AUTOMATED", 1},
                {"SCHEDULED_MESSAGE_PHONE", 2}, {"USER_COMMENT", 20}, {"SYSTEM_MESSAGE", 20}, {"SYSTEM_NOTIFICATION", 10},
                {"ERROR_MESSAGE", 3}, {"ESTIMATE", 8}, {"ESTIMATE_LOG", 8}};
        static final int TYPES_TOTAL = Arrays.stream(TYPES).mapToInt(t -> (Integer) t[1]).sum();

        static String timelineType(long h, int year) {
            if (year <= 2017 && pick(h >>> 50, 100) < 4) {
                return pick(h >>> 56, 2) == 0 ? "NOTE" : "CONTACT_EMAIL"; // types of the old rows
            }
            int r = pick(h, TYPES_TOTAL);
            for (Object[] t : TYPES) {
                r -= (Integer) t[1];
                if (r < 0) {
                    return (String) t[0];
                }
            }
            return "SYSTEM_MESSAGE";
        }

        static boolean aboutPiano(String type) {
            return type.startsWith("SERVICE_ENTRY") || type.equals("PIANO_MEASUREMENT") || type.startsWith("APPOINTMENT")
                    || type.equals("NOTE");
        }

        static String[] timelineText(String type, long h, int invoiceNumber) {
            int temp = 18 + pick(h, 7);
            int hum = 28 + pick(h >>> 4, 28);
            String pitch = pick(h >>> 9, 100) < 60 ? "442" : "440";
            return switch (type) {
                case "SERVICE_ENTRY_MANUAL", "NOTE" -> new String[] {pickOf(h >>> 12, "Accord", "Service", "Accord et réglage"),
                        switch (pick(h >>> 16, 10)) {
                            case 0 -> "Accord " + pitch + " Hz. " + temp + "°, " + hum + "%";
                            case 1 -> "Accord " + pitch + " Hz. " + temp + "°, " + hum + "%. stat " + pickOf(h >>> 21, "12,50", "15,00", "20");
                            case 2 -> "Accord à " + pitch + ", pédale de sourdine réglée ; " + temp + "°C, " + hum + " %";
                            case 3 -> "Réglage de l'échappement, feutres changés. Humidité " + hum + "%";
                            case 4 -> "Buvard remplacé, réservoir rempli (système PLS). " + temp + "°, " + hum + "%";
                            case 5 -> "Accord de l'unisson « Ré 5 », thermostat de la salle à 20. Stationnement "
                                    + pickOf(h >>> 21, "15,00", "12,50", "8,75");
                            case 6 -> "Visite annuelle : " + temp + "°, " + hum + "%, piano stable. Prochain accord dans 6 mois.";
                            case 7 -> "Housse retirée, humidité élevée (" + Math.max(hum, 55) + "%) : rappeler Nicolas.";
                            case 8 -> "Corde #18 cassée remplacée, accord " + pitch + ". " + temp + "°, " + hum + "%";
                            default -> "Accord " + pitch + " Hz, touches nettoyées. Humidistat à vérifier (" + temp + "°, " + hum + "%).";
                        }};
                case "SERVICE_ENTRY_AUTOMATED" -> new String[] {"Service complété",
                        "Accord " + pitch + " Hz, rendez-vous complété depuis l'application."};
                case "PIANO_MEASUREMENT" -> new String[] {"Mesure", "Température " + temp + "°C, humidité " + hum + "%"};
                case "CONTACT_EMAIL_AUTOMATED", "CONTACT_EMAIL" -> new String[] {pickOf(h >>> 12,
                        "Courriel envoyé : Rappel de rendez-vous", "Courriel envoyé : Votre piano est dû pour un accord",
                        "Courriel ouvert", "Courriel envoyé : Confirmation de rendez-vous", "Email opened",
                        "Campagne : Offre d'automne"), null};
                case "SCHEDULED_MESSAGE_EMAIL", "SCHEDULED_MESSAGE_SMS", "SCHEDULED_MESSAGE_PHONE" -> new String[] {
                        "Rappel programmé : " + pickOf(h >>> 12, "accord annuel dû", "rendez-vous demain", "entretien PLS"), null};
                case "CONTACT_SMS_AUTOMATED" -> new String[] {"Texto envoyé : rappel de rendez-vous demain", null};
                case "APPOINTMENT" -> new String[] {"Rendez-vous créé", pick(h >>> 12, 100) < 30 ? "Créé par le portail client" : null};
                case "APPOINTMENT_LOG" -> new String[] {pickOf(h >>> 12, "Rendez-vous déplacé", "Technicien changé",
                        "Rendez-vous confirmé par le client"), null};
                case "APPOINTMENT_COMPLETION" -> new String[] {"Rendez-vous complété", null};
                case "INVOICE" -> new String[] {"Facture n° " + invoiceNumber + " créée", null};
                case "INVOICE_LOG" -> new String[] {"Facture n° " + invoiceNumber + " envoyée par courriel", null};
                case "INVOICE_PAYMENT" -> new String[] {"Paiement reçu pour la facture n° " + invoiceNumber,
                        pickOf(h >>> 12, "Interac", "Chèque", "Carte de crédit", "Comptant")};
                case "INVOICE_SYNC" -> new String[] {"Facture synchronisée avec QuickBooks", null};
                case "CONTACT_EMAIL_MANUAL" -> new String[] {"Courriel au client", "Soumission pour la restauration des marteaux envoyée."};
                case "CONTACT_PHONE_MANUAL", "CONTACT_PHONE_AUTOMATED" -> new String[] {"Appel", pickOf(h >>> 12,
                        "Laissé un message, rappeler jeudi.", "Client veut déplacer son rendez-vous.", "Pas de réponse.")};
                case "CONTACT_SMS_MANUAL" -> new String[] {"Texto", "Je serai là vers 10 h 30, merci !"};
                case "CONTACT_POST_MANUAL", "CONTACT_POST_AUTOMATED" -> new String[] {"Lettre envoyée", "Carte de rappel annuelle"};
                case "USER_COMMENT" -> new String[] {"Commentaire", pickOf(h >>> 12, "Client préfère les rendez-vous le matin ; chien dans la maison.",
                        "Piano déménagé au sous-sol.", "Facture contestée, voir avec Allan.", "Le client a acheté un humidificateur.")};
                case "SYSTEM_MESSAGE" -> new String[] {pickOf(h >>> 12, "Client fusionné", "Adresse mise à jour", "Rendez-vous créé"), null};
                case "SYSTEM_NOTIFICATION" -> new String[] {"Le piano est dû pour un entretien", null};
                case "ERROR_MESSAGE" -> new String[] {"Échec d'envoi du courriel : adresse invalide", null};
                case "ESTIMATE" -> new String[] {"Soumission n° " + (800 + pick(h >>> 12, 900)), "Restauration des marteaux et réglage complet"};
                case "ESTIMATE_LOG" -> new String[] {"Soumission consultée par le client", null};
                default -> new String[] {type, null};
            };
        }

        static String ascii(String text) {
            return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                    .replace("'", "").replace("&", "et");
        }
    }

    // ---------------------------------------------------------------- ids, cursors, hashing, time
    static final class Ids {
        static final int USER = 1, CLIENT = 2, CONTACT = 3, PIANO = 4, EVENT = 5, TIMELINE = 6, INVOICE = 7, INVOICE_ITEM = 8,
                ESTIMATE = 9;
        static final String[] PREFIX = {"", "usr_", "cli_", "con_", "ins_", "evt_", "tme_", "inv_", "ini_", "est_"};
        static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        static final long MASK = (1L << 40) - 1;
        static final long A = 0x9E3779B97L | 1, B = 0xC2B2AE3D27L | 1;
        static final long A_INV = inverse(A), B_INV = inverse(B);

        /** Gazelle-looking ids ("cli_Hw3L0pXe9b"): a bijection of (kind, index), so client(id:) can find the index. */
        static String encode(int kind, long index) {
            long x = ((long) kind << 32) | index;
            long m = mix(x);
            char[] out = new char[10];
            long v = m;
            for (int i = 6; i >= 0; i--) {
                out[i] = ALPHABET.charAt((int) (v % 62));
                v /= 62;
            }
            long check = Long.remainderUnsigned(hash(9, x, 0), 238_328);
            for (int i = 9; i >= 7; i--) {
                out[i] = ALPHABET.charAt((int) (check % 62));
                check /= 62;
            }
            return PREFIX[kind] + new String(out);
        }

        static int decode(String id, int kind, int count) {
            if (!id.startsWith(PREFIX[kind]) || id.length() != PREFIX[kind].length() + 10) {
                return -1;
            }
            long v = 0;
            for (int i = 0; i < 7; i++) {
                int d = ALPHABET.indexOf(id.charAt(PREFIX[kind].length() + i));
                if (d < 0) {
                    return -1;
                }
                v = v * 62 + d;
            }
            if (v > MASK) {
                return -1;
            }
            long x = unmix(v);
            if ((x >>> 32) != kind) {
                return -1;
            }
            long index = x & 0xFFFF_FFFFL;
            return index < count && encode(kind, index).equals(id) ? (int) index : -1;
        }

        static long mix(long x) {
            x = (x * A) & MASK;
            x ^= x >>> 20;
            x = (x * B) & MASK;
            x ^= x >>> 20;
            return x;
        }

        static long unmix(long x) {
            x ^= x >>> 20;
            x = (x * B_INV) & MASK;
            x ^= x >>> 20;
            x = (x * A_INV) & MASK;
            return x;
        }

        static long inverse(long a) {
            long inv = a;
            for (int i = 0; i < 6; i++) {
                inv *= 2 - a * inv;
            }
            return inv & MASK;
        }
    }

    static final class Cursors {
        static String encode(int index) {
            return Base64.getEncoder().encodeToString(("arrayconnection:" + index).getBytes(StandardCharsets.US_ASCII));
        }

        static int decode(String cursor) {
            try {
                String text = new String(Base64.getDecoder().decode(cursor), StandardCharsets.US_ASCII);
                if (!text.startsWith("arrayconnection:")) {
                    throw new IllegalArgumentException();
                }
                return Integer.parseInt(text.substring("arrayconnection:".length()));
            } catch (IllegalArgumentException e) {
                throw new GraphQlError("Invalid cursor: \"" + cursor + "\"");
            }
        }
    }

    static long hash(int kind, long index, int k) {
        long z = ((long) kind << 56) ^ (index << 8) ^ k ^ 0x5DEECE66DL;
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static int pick(long h, int n) {
        return n <= 1 ? 0 : (int) Long.remainderUnsigned(h, n);
    }

    @SafeVarargs
    static <T> T pickOf(long h, T... choices) {
        return choices[pick(h, choices.length)];
    }

    static int pickInt(long h, int... choices) {
        return choices[pick(h, choices.length)];
    }

    static double unit(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }

    /** "2026-12-01T07:00:00Z" from epoch seconds. */
    static String iso(long sec) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(sec, 0, ZoneOffset.UTC);
        char[] c = new char[20];
        int y = t.getYear();
        c[0] = (char) ('0' + y / 1000);
        c[1] = (char) ('0' + y / 100 % 10);
        c[2] = (char) ('0' + y / 10 % 10);
        c[3] = (char) ('0' + y % 10);
        c[4] = '-';
        two(c, 5, t.getMonthValue());
        c[7] = '-';
        two(c, 8, t.getDayOfMonth());
        c[10] = 'T';
        two(c, 11, t.getHour());
        c[13] = ':';
        two(c, 14, t.getMinute());
        c[16] = ':';
        two(c, 17, t.getSecond());
        c[19] = 'Z';
        return new String(c);
    }

    static void two(char[] c, int at, int v) {
        c[at] = (char) ('0' + v / 10);
        c[at + 1] = (char) ('0' + v % 10);
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        quote(sb, s);
        return sb.toString();
    }

    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        sb.append('"');
    }

    // ---------------------------------------------------------------- GraphQL request parsing

    static final class GraphQlError extends RuntimeException {
        GraphQlError(String message) {
            super(message);
        }
    }

    /** One selected field: alias, name, arguments (variables resolved) and its own selection (null for a leaf). */
    record Field(String alias, String name, Map<String, Object> args, List<Field> selection) {
    }

    /**
     * Just enough of the GraphQL grammar for the sync's queries: one operation (query keyword, name and variable
     * definitions optional), fields with aliases, arguments (variables, literals, lists, input objects) and nested
     * selections. Input objects given as an argument are flattened into the field's arguments, so both
     * {@code occurredAtGet: $x} and {@code filters: {occurredAtGet: $x}} work.
     */
    static final class QueryParser {
        final String src;
        final Map<String, Object> variables;
        int pos;

        QueryParser(String src, Map<String, Object> variables) {
            this.src = src;
            this.variables = variables;
        }

        List<Field> parseOperation() {
            skip();
            if (peekName()) {
                String keyword = name();
                if (!keyword.equals("query")) {
                    throw new GraphQlError("Only queries are supported, not \"" + keyword + "\"");
                }
                skip();
                if (peekName()) {
                    name();
                    skip();
                }
                if (peek() == '(') {
                    skipBalanced('(', ')');
                    skip();
                }
            }
            return selection();
        }

        List<Field> selection() {
            expect('{');
            List<Field> fields = new ArrayList<>();
            while (true) {
                skip();
                if (peek() == '}') {
                    pos++;
                    return fields;
                }
                if (src.startsWith("...", pos)) {
                    throw new GraphQlError("Fragments are not supported by the stub");
                }
                String alias = name();
                String name = alias;
                skip();
                if (peek() == ':') {
                    pos++;
                    skip();
                    name = name();
                    skip();
                }
                Map<String, Object> args = new LinkedHashMap<>();
                if (peek() == '(') {
                    pos++;
                    while (true) {
                        skip();
                        if (peek() == ')') {
                            pos++;
                            break;
                        }
                        String arg = name();
                        skip();
                        expect(':');
                        Object value = value();
                        if (value instanceof Map<?, ?> object) {
                            object.forEach((k, v) -> args.put(String.valueOf(k), v));
                        }
                        args.put(arg, value);
                    }
                    skip();
                }
                List<Field> sub = null;
                if (peek() == '{') {
                    sub = selection();
                }
                fields.add(new Field(alias, name, args, sub));
            }
        }

        Object value() {
            skip();
            char c = peek();
            if (c == '$') {
                pos++;
                return variables.get(name());
            }
            if (c == '"') {
                return string();
            }
            if (c == '[') {
                pos++;
                List<Object> list = new ArrayList<>();
                while (true) {
                    skip();
                    if (peek() == ']') {
                        pos++;
                        return list;
                    }
                    list.add(value());
                }
            }
            if (c == '{') {
                pos++;
                Map<String, Object> object = new LinkedHashMap<>();
                while (true) {
                    skip();
                    if (peek() == '}') {
                        pos++;
                        return object;
                    }
                    String key = name();
                    skip();
                    expect(':');
                    object.put(key, value());
                }
            }
            if (c == '-' || Character.isDigit(c)) {
                int start = pos;
                pos++;
                while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || ".eE+-".indexOf(src.charAt(pos)) >= 0)) {
                    pos++;
                }
                String number = src.substring(start, pos);
                return number.contains(".") || number.contains("e") || number.contains("E") ? (Object) Double.valueOf(number)
                        : (Object) Long.valueOf(number);
            }
            String word = name();
            return switch (word) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                case "null" -> null;
                default -> word; // an enum value
            };
        }

        String string() {
            JsonReader reader = new JsonReader(src);
            reader.pos = pos;
            String s = reader.string();
            pos = reader.pos;
            return s;
        }

        void skip() {
            while (pos < src.length()) {
                char c = src.charAt(pos);
                if (c == '#') {
                    while (pos < src.length() && src.charAt(pos) != '\n') {
                        pos++;
                    }
                } else if (Character.isWhitespace(c) || c == ',' || c == '\uFEFF') {
                    pos++;
                } else {
                    return;
                }
            }
        }

        char peek() {
            if (pos >= src.length()) {
                throw new GraphQlError("Syntax Error: unexpected end of query");
            }
            return src.charAt(pos);
        }

        boolean peekName() {
            return pos < src.length() && (Character.isLetter(src.charAt(pos)) || src.charAt(pos) == '_');
        }

        String name() {
            int start = pos;
            while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                pos++;
            }
            if (start == pos) {
                throw new GraphQlError("Syntax Error: name expected at position " + pos);
            }
            return src.substring(start, pos);
        }

        void expect(char c) {
            skip();
            if (peek() != c) {
                throw new GraphQlError("Syntax Error: expected \"" + c + "\" at position " + pos + ", found \"" + peek() + "\"");
            }
            pos++;
        }

        void skipBalanced(char open, char close) {
            int depth = 0;
            while (pos < src.length()) {
                char c = src.charAt(pos++);
                if (c == '"') {
                    pos--;
                    string();
                } else if (c == open) {
                    depth++;
                } else if (c == close && --depth == 0) {
                    return;
                }
            }
            throw new GraphQlError("Syntax Error: unbalanced \"" + open + "\"");
        }
    }

    /** A small JSON reader: objects become LinkedHashMap, arrays ArrayList, numbers Long or Double. */
    static final class JsonReader {
        final String src;
        int pos;

        JsonReader(String src) {
            this.src = src;
        }

        Object readDocument() {
            Object value = read();
            ws();
            if (pos != src.length()) {
                throw new IllegalArgumentException("trailing characters at " + pos);
            }
            return value;
        }

        Object read() {
            ws();
            if (pos >= src.length()) {
                throw new IllegalArgumentException("unexpected end");
            }
            char c = src.charAt(pos);
            switch (c) {
                case '{': {
                    pos++;
                    Map<String, Object> map = new LinkedHashMap<>();
                    ws();
                    if (at('}')) {
                        pos++;
                        return map;
                    }
                    while (true) {
                        ws();
                        String key = string();
                        ws();
                        if (!at(':')) {
                            throw new IllegalArgumentException("':' expected at " + pos);
                        }
                        pos++;
                        map.put(key, read());
                        ws();
                        if (at(',')) {
                            pos++;
                        } else if (at('}')) {
                            pos++;
                            return map;
                        } else {
                            throw new IllegalArgumentException("',' or '}' expected at " + pos);
                        }
                    }
                }
                case '[': {
                    pos++;
                    List<Object> list = new ArrayList<>();
                    ws();
                    if (at(']')) {
                        pos++;
                        return list;
                    }
                    while (true) {
                        list.add(read());
                        ws();
                        if (at(',')) {
                            pos++;
                        } else if (at(']')) {
                            pos++;
                            return list;
                        } else {
                            throw new IllegalArgumentException("',' or ']' expected at " + pos);
                        }
                    }
                }
                case '"':
                    return string();
                case 't':
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                case 'n':
                    return literal("null", null);
                default: {
                    int start = pos;
                    while (pos < src.length() && "+-0123456789.eE".indexOf(src.charAt(pos)) >= 0) {
                        pos++;
                    }
                    String number = src.substring(start, pos);
                    try {
                        return number.contains(".") || number.contains("e") || number.contains("E")
                                ? (Object) Double.valueOf(number) : (Object) Long.valueOf(number);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("bad value at " + start);
                    }
                }
            }
        }

        Object literal(String word, Object value) {
            if (!src.startsWith(word, pos)) {
                throw new IllegalArgumentException("bad literal at " + pos);
            }
            pos += word.length();
            return value;
        }

        String string() {
            if (!at('"')) {
                throw new IllegalArgumentException("string expected at " + pos);
            }
            pos++;
            StringBuilder sb = new StringBuilder();
            while (pos < src.length()) {
                char c = src.charAt(pos++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\') {
                    if (pos >= src.length()) {
                        break;
                    }
                    char e = src.charAt(pos++);
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 't' -> sb.append('\t');
                        case 'r' -> sb.append('\r');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'u' -> {
                            if (pos + 4 > src.length()) {
                                throw new IllegalArgumentException("bad \\u escape");
                            }
                            sb.append((char) Integer.parseInt(src.substring(pos, pos + 4), 16));
                            pos += 4;
                        }
                        default -> sb.append(e);
                    }
                } else {
                    sb.append(c);
                }
            }
            throw new IllegalArgumentException("unterminated string");
        }

        boolean at(char c) {
            return pos < src.length() && src.charAt(pos) == c;
        }

        void ws() {
            while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
                pos++;
            }
        }
    }
}
