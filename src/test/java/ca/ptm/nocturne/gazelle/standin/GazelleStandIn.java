package ca.ptm.nocturne.gazelle.standin;

import ca.ptm.nocturne.gazelle.standin.StandInData.Kind;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gazelle as a real server would behave for Nocturne: an HTTP server that EXECUTES each GraphQL request with
 * graphql-java against Gazelle's schema file (src/main/resources/gazelle/schema.graphqls), over in-memory records.
 * Whatever it accepts, a server with that schema accepts: an undeclared argument, a wrong variable type, an unknown
 * field or enum value is answered HTTP 200 with {@code errors} and {@code data: null}, as Gazelle does.
 *
 * <ul>
 *   <li>{@code POST /graphql/private/} (trailing slash required), {@code Authorization: Bearer <access token>}:
 *       401 for a token it did not issue or that {@link #expireAccessTokens()} revoked;</li>
 *   <li>{@code POST /developer/oauth/token}, form-encoded {@code grant_type=refresh_token}: a new access token and a
 *       NEW refresh token each time (the old refresh token is refused afterwards: 400 {@code invalid_grant}),
 *       {@code expires_in}, {@code created_at} = Unix time of creation; any other grant: 400
 *       {@code unsupported_grant_type}; a wrong client: 401 {@code invalid_client};</li>
 *   <li>{@code GET /stats}, {@code POST /stats/reset}: the counts, as JSON (the benchmark reads them).</li>
 * </ul>
 * HTTP faults (429, 5xx, timeouts, truncated bodies) are not its business: tests put WireMock in front of it for those.
 */
public final class GazelleStandIn implements AutoCloseable {

    public static final String GRAPHQL = "/graphql/private/";
    public static final String TOKEN = "/developer/oauth/token";
    public static final String CLIENT_ID = "nocturne-test";
    public static final String CLIENT_SECRET = "secret-de-test";
    public static final String INITIAL_ACCESS_TOKEN = "acces-initial-0123456789";
    public static final String INITIAL_REFRESH_TOKEN = "renouvellement-initial-0123456789";
    public static final long DEFAULT_LIFETIME = 2_592_000L;

    static {
        // Without it the JDK server waits for the client's delayed ACK on every small answer (Nagle: 40 ms a page).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final java.util.regex.Pattern OPERATION_NAME = java.util.regex.Pattern.compile("\\s*(?:query|mutation)\\s+(\\w+)");

    private final HttpServer server;
    private final ExecutorService threads;
    private final GraphQL graphQL;
    private final StandInData data = new StandInData();
    private final JsonMapper json = JsonMapper.builder().build();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final String clientId;
    private final String clientSecret;
    private final String initialAccessToken;
    private final String initialRefreshToken;
    private volatile String[] nextTokens;

    private final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
    private volatile String refreshToken;
    /** 30 days, the lifetime the old system assumed (Gazelle's own is unknown). */
    private volatile long expiresIn = DEFAULT_LIFETIME;
    private final AtomicInteger latencyMillis = new AtomicInteger();
    private final AtomicLong graphqlRequests = new AtomicLong();
    private final AtomicLong refusedRequests = new AtomicLong();
    private final AtomicLong tokenRequests = new AtomicLong();
    private final AtomicLong refreshes = new AtomicLong();
    private final AtomicLong cpuNanos = new AtomicLong();
    private final Map<String, AtomicLong> operations = new ConcurrentHashMap<>();

    private GazelleStandIn(int port, Clock clock, String clientId, String clientSecret, String accessToken,
                           String refreshToken) throws IOException {
        this.clock = clock;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.initialAccessToken = accessToken;
        this.initialRefreshToken = refreshToken;
        this.accessTokens.add(accessToken);
        this.refreshToken = refreshToken;
        TypeDefinitionRegistry registry = GazelleSchema.registry();
        GraphQLSchema schema = GazelleSchema.executable(registry, wiring -> data.wire(wiring, registry));
        this.graphQL = GraphQL.newGraphQL(schema).build();
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        this.threads = Executors.newFixedThreadPool(16, task -> {
            Thread thread = new Thread(task, "gazelle-standin");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A stand-in on a free port, with the test credentials ({@link #CLIENT_ID}, {@link #INITIAL_ACCESS_TOKEN}…). */
    public static GazelleStandIn start() {
        return start(0, CLIENT_ID, CLIENT_SECRET, INITIAL_ACCESS_TOKEN, INITIAL_REFRESH_TOKEN);
    }

    public static GazelleStandIn start(int port, String clientId, String clientSecret, String accessToken, String refreshToken) {
        try {
            return new GazelleStandIn(port, Clock.systemUTC(), clientId, clientSecret, accessToken, refreshToken);
        } catch (IOException e) {
            throw new IllegalStateException("The Gazelle stand-in could not start", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String graphqlUrl() {
        return "http://127.0.0.1:" + port() + GRAPHQL;
    }

    public String tokenUrl() {
        return "http://127.0.0.1:" + port() + TOKEN;
    }

    /** Points the application at this stand-in, with the test credentials (never from the repository's config). */
    public void registerProperties(DynamicPropertyRegistry registry) {
        registerProperties(registry, this::graphqlUrl, this::tokenUrl);
    }

    /** The same, with other URLs (WireMock proxying to this stand-in for HTTP faults). */
    public void registerProperties(DynamicPropertyRegistry registry, java.util.function.Supplier<Object> graphqlUrl,
                                   java.util.function.Supplier<Object> tokenUrl) {
        registry.add("nocturne.gazelle.url", graphqlUrl);
        registry.add("nocturne.gazelle.token-url", tokenUrl);
        registry.add("nocturne.gazelle.client-id", () -> clientId);
        registry.add("nocturne.gazelle.client-secret", () -> clientSecret);
        registry.add("nocturne.gazelle.access-token", () -> initialAccessToken);
        registry.add("nocturne.gazelle.refresh-token", () -> initialRefreshToken);
        registry.add("nocturne.gazelle.first-backoff", () -> "PT0.01S");
        registry.add("nocturne.gazelle.request-timeout", () -> "PT5S");
    }

    /** The same settings as {@link #registerProperties}, as the environment of a child process. */
    public Map<String, String> environment() {
        return Map.of("NOCTURNE_GAZELLE_URL", graphqlUrl(), "NOCTURNE_GAZELLE_TOKEN_URL", tokenUrl(),
                "NOCTURNE_GAZELLE_CLIENT_ID", clientId, "NOCTURNE_GAZELLE_CLIENT_SECRET", clientSecret,
                "NOCTURNE_GAZELLE_ACCESS_TOKEN", initialAccessToken,
                "NOCTURNE_GAZELLE_REFRESH_TOKEN", initialRefreshToken,
                "NOCTURNE_GAZELLE_FIRST_BACKOFF", "PT0.01S", "NOCTURNE_GAZELLE_REQUEST_TIMEOUT", "PT5S");
    }

    // ---- data ----

    public GazelleStandIn addUsers(Collection<? extends Map<String, Object>> users) {
        data.putAll(Kind.USERS, users);
        return this;
    }

    public GazelleStandIn addClients(Collection<? extends Map<String, Object>> clients) {
        data.putAll(Kind.CLIENTS, clients);
        return this;
    }

    public GazelleStandIn addPianos(Collection<? extends Map<String, Object>> pianos) {
        data.putAll(Kind.PIANOS, pianos);
        return this;
    }

    /** Events (appointments), each with its {@code status} and its {@code allEventPianos} as a list of event pianos. */
    public GazelleStandIn addEvents(Collection<? extends Map<String, Object>> events) {
        data.putAll(Kind.EVENTS, events);
        return this;
    }

    public GazelleStandIn addTimelineEntries(Collection<? extends Map<String, Object>> entries) {
        data.putAll(Kind.TIMELINE, entries);
        return this;
    }

    /** Invoices, each with its {@code allInvoiceItems} as a list of items. */
    public GazelleStandIn addInvoices(Collection<? extends Map<String, Object>> invoices) {
        data.putAll(Kind.INVOICES, invoices);
        return this;
    }

    public GazelleStandIn addUser(Map<String, Object> user) {
        return addUsers(List.of(user));
    }

    public GazelleStandIn addClient(Map<String, Object> client) {
        return addClients(List.of(client));
    }

    public GazelleStandIn addPiano(Map<String, Object> piano) {
        return addPianos(List.of(piano));
    }

    public GazelleStandIn addEvent(Map<String, Object> event) {
        return addEvents(List.of(event));
    }

    public GazelleStandIn addTimelineEntry(Map<String, Object> entry) {
        return addTimelineEntries(List.of(entry));
    }

    public GazelleStandIn addInvoice(Map<String, Object> invoice) {
        return addInvoices(List.of(invoice));
    }

    /**
     * A client created after the clients step read its pages: {@code client(id:)} finds it, {@code allClients} does
     * not (the list was read before it existed).
     */
    public GazelleStandIn addClientOnlyById(Map<String, Object> client) {
        data.putUnlisted(Kind.CLIENTS, client);
        return this;
    }

    /** Removes a record (by id) from every list: the next reads no longer see it. */
    public boolean remove(String id) {
        boolean removed = false;
        for (Kind kind : Kind.values()) {
            removed |= data.remove(kind, id);
        }
        return removed;
    }

    /** Forgets every record, every count and restores the initial tokens and zero latency. */
    public void reset() {
        data.clear();
        data.resetCounts();
        data.defaultPageSize(100);
        resetCounts();
        latencyMillis.set(0);
        accessTokens.clear();
        accessTokens.add(initialAccessToken);
        refreshToken = initialRefreshToken;
        nextTokens = null;
        expiresIn = DEFAULT_LIFETIME;
    }

    /** Every GraphQL answer waits this long first: a Gazelle at the other end of a network. */
    public GazelleStandIn latency(int millis) {
        latencyMillis.set(millis);
        return this;
    }

    /** The page size of a connection asked without {@code first} (Gazelle documents none; 100 here). */
    public GazelleStandIn defaultPageSize(int size) {
        data.defaultPageSize(size);
        return this;
    }

    /** The cursor this stand-in gives the record at {@code offset} (0-based) of a list: to aim a fault at one page. */
    public static String cursorOf(int offset) {
        return StandInData.cursor(offset);
    }

    // ---- tokens ----

    /** Revokes every access token issued so far: the next GraphQL request gets 401 and must refresh. */
    public void expireAccessTokens() {
        accessTokens.clear();
    }

    /** {@code expires_in} of the next tokens issued. */
    public void tokenLifetimeSeconds(long seconds) {
        this.expiresIn = seconds;
    }

    /** The next refresh issues these tokens (then random ones again): a test that looks for them by value. */
    public void issueNext(String accessToken, String refreshToken) {
        nextTokens = new String[] {accessToken, refreshToken};
    }

    /** Allan revoked Nocturne's access in Gazelle: every refresh is refused (400 invalid_grant). */
    public void revokeRefreshToken() {
        refreshToken = null;
    }

    public String currentRefreshToken() {
        return refreshToken;
    }

    // ---- counts ----

    /** How many times a root field was executed ("allClients", "client", "event"…) since the last reset. */
    public long requests(String rootField) {
        return data.calls(rootField);
    }

    /** Root field → executions. */
    public Map<String, Long> requestsByRootField() {
        return data.calls();
    }

    /** GraphQL requests whose operation has this name ("Timeline", "TimelineCounts", "Events"…) since the last reset. */
    public long operations(String operationName) {
        AtomicLong n = operations.get(operationName);
        return n == null ? 0 : n.get();
    }

    /** Records served at the root of each connection. */
    public Map<String, Long> nodesServed() {
        return data.nodesServed();
    }

    /** GraphQL requests received (answered, refused or invalid). */
    public long graphqlRequests() {
        return graphqlRequests.get();
    }

    /** GraphQL requests answered 401. */
    public long unauthorizedRequests() {
        return refusedRequests.get();
    }

    public long tokenRequests() {
        return tokenRequests.get();
    }

    /** Successful refreshes. */
    public long refreshes() {
        return refreshes.get();
    }

    public void resetCounts() {
        data.resetCounts();
        graphqlRequests.set(0);
        refusedRequests.set(0);
        tokenRequests.set(0);
        refreshes.set(0);
        operations.clear();
    }

    // ---- HTTP ----

    private void handle(HttpExchange exchange) throws IOException {
        long cpuStart = threadCpu();
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals(GRAPHQL) && method.equals("POST")) {
                graphql(exchange);
            } else if (path.equals(TOKEN) && method.equals("POST")) {
                token(exchange);
            } else if (path.equals("/stats") && method.equals("GET")) {
                send(exchange, 200, json.writeValueAsString(stats()));
            } else if (path.equals("/stats/reset") && method.equals("POST")) {
                resetCounts();
                send(exchange, 200, "{}");
            } else {
                send(exchange, 404, "{\"error\":\"not_found\"}");
            }
        } catch (RuntimeException e) {
            send(exchange, 500, "{\"error\":\"internal\"}");
            throw e;
        } finally {
            cpuNanos.addAndGet(threadCpu() - cpuStart);
        }
    }

    private void graphql(HttpExchange exchange) throws IOException {
        graphqlRequests.incrementAndGet();
        byte[] body = exchange.getRequestBody().readAllBytes();
        pause();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")
                || !accessTokens.contains(authorization.substring("Bearer ".length()))) {
            refusedRequests.incrementAndGet();
            send(exchange, 401, "{\"error\":\"invalid_token\"}");
            return;
        }
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (RuntimeException unreadable) {
            send(exchange, 400, "{\"errors\":[{\"message\":\"Unreadable JSON body\"}]}");
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> variables = request.path("variables").isObject()
                ? json.treeToValue(request.path("variables"), Map.class) : Map.of();
        String query = request.path("query").asString("");
        java.util.regex.Matcher named = OPERATION_NAME.matcher(query);
        operations.computeIfAbsent(named.lookingAt() ? named.group(1) : "(anonymous)", k -> new AtomicLong()).incrementAndGet();
        ExecutionInput.Builder input = ExecutionInput.newExecutionInput()
                .query(query)
                .variables(variables);
        if (request.path("operationName").isString()) {
            input.operationName(request.path("operationName").asString());
        }
        ExecutionResult result = graphQL.execute(input.build());
        Map<String, Object> answer = new LinkedHashMap<>(result.toSpecification());
        answer.putIfAbsent("data", null);
        send(exchange, 200, json.writeValueAsString(answer));
    }

    private void token(HttpExchange exchange) throws IOException {
        tokenRequests.incrementAndGet();
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!"refresh_token".equals(form.get("grant_type"))) {
            send(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
            return;
        }
        if (!clientId.equals(form.get("client_id")) || !clientSecret.equals(form.get("client_secret"))) {
            send(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        synchronized (this) {
            if (refreshToken == null || !refreshToken.equals(form.get("refresh_token"))) {
                send(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.\"}");
                return;
            }
            String[] chosen = nextTokens;
            nextTokens = null;
            String access = chosen != null ? chosen[0] : "acces-" + secret();
            refreshToken = chosen != null ? chosen[1] : "renouvellement-" + secret();
            accessTokens.add(access);
            refreshes.incrementAndGet();
            answer.put("access_token", access);
            answer.put("token_type", "Bearer");
            answer.put("expires_in", expiresIn);
            answer.put("refresh_token", refreshToken);
            answer.put("created_at", clock.instant().getEpochSecond());
        }
        send(exchange, 200, json.writeValueAsString(answer));
    }

    private String secret() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    /** The counts, in the shape bench/sync-throughput.sh reads. */
    Map<String, Object> stats() {
        Map<String, Object> stats = new LinkedHashMap<>(data.calls());
        Map<String, Object> nodes = new LinkedHashMap<>(data.nodesServed());
        nodes.put("total", data.nodesServed().values().stream().mapToLong(Long::longValue).sum());
        stats.put("total", graphqlRequests.get());
        stats.put("nodes", nodes);
        stats.put("children", data.nestedNodesServed());
        stats.put("token", refreshes.get());
        stats.put("unauthorized", refusedRequests.get());
        stats.put("cpuMs", cpuNanos.get() / 1_000_000);
        Map<String, Object> byOperation = new LinkedHashMap<>();
        operations.forEach((name, n) -> byOperation.put(name, n.get()));
        stats.put("operations", byOperation);
        return stats;
    }

    private void pause() {
        int millis = latencyMillis.get();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static long threadCpu() {
        var bean = ManagementFactory.getThreadMXBean();
        return bean.isCurrentThreadCpuTimeSupported() ? bean.getCurrentThreadCpuTime() : 0L;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * The stand-in of bench/sync-throughput.sh, on the test classpath Maven builds:
     * {@code --port 0 --latency-ms 50 --timeline 300000 --clients 4000 --pianos 1000 --appointments 600 --invoices 6000
     * --users 5 [--now 2026-12-01T07:00:00Z] [--client-id … --client-secret … --access-token … --refresh-token …]}.
     * Prints {@code GAZELLE_STUB_PORT=<port>} once it listens, then serves until killed.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        int timeline = Integer.parseInt(options.getOrDefault("--timeline", "300000"));
        GazelleStandIn gazelle = start(Integer.parseInt(options.getOrDefault("--port", "0")),
                options.getOrDefault("--client-id", CLIENT_ID), options.getOrDefault("--client-secret", CLIENT_SECRET),
                options.getOrDefault("--access-token", INITIAL_ACCESS_TOKEN),
                options.getOrDefault("--refresh-token", INITIAL_REFRESH_TOKEN));
        long started = System.nanoTime();
        BenchAtelier.fill(gazelle, Integer.parseInt(options.getOrDefault("--users", "5")),
                Integer.parseInt(options.getOrDefault("--clients", "4000")), Integer.parseInt(options.getOrDefault("--pianos", "1000")),
                Integer.parseInt(options.getOrDefault("--appointments", "600")), timeline,
                Integer.parseInt(options.getOrDefault("--invoices", "6000")),
                java.time.Instant.parse(options.getOrDefault("--now", "2026-12-01T07:00:00Z")));
        gazelle.latency(Integer.parseInt(options.getOrDefault("--latency-ms", "0")));
        System.err.printf("Gazelle stand-in on 127.0.0.1:%d, %d timeline entries, built in %d ms%n", gazelle.port(), timeline,
                (System.nanoTime() - started) / 1_000_000);
        System.out.println("GAZELLE_STUB_PORT=" + gazelle.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
