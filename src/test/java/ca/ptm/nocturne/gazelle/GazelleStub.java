package ca.ptm.nocturne.gazelle;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gazelle's private GraphQL endpoint on a real HTTP server: every connection is served in pages of the requested
 * size with Relay cursors, the way Gazelle pages (first/after, pageInfo.hasNextPage/endCursor, nodes or edges).
 */
public final class GazelleStub {

    public static final String GRAPHQL = "/graphql/private/";
    public static final String TOKEN = "/developer/oauth/token";

    private final WireMockServer server;
    private final JsonMapper json = JsonMapper.builder().build();

    public GazelleStub(WireMockServer server) {
        this.server = server;
    }

    public String graphqlUrl() {
        return "http://localhost:" + server.port() + GRAPHQL;
    }

    public String tokenUrl() {
        return "http://localhost:" + server.port() + TOKEN;
    }

    /** Points the application at this stub, with test credentials (only from here, never from the repository's config). */
    public void registerProperties(DynamicPropertyRegistry registry) {
        registerProperties(registry, "secret-de-test", "acces-initial-0123456789", "renouvellement-initial-0123456789");
    }

    public void registerProperties(DynamicPropertyRegistry registry, String clientSecret, String accessToken, String refreshToken) {
        registry.add("nocturne.gazelle.url", this::graphqlUrl);
        registry.add("nocturne.gazelle.token-url", this::tokenUrl);
        registry.add("nocturne.gazelle.client-id", () -> "nocturne-test");
        registry.add("nocturne.gazelle.client-secret", () -> clientSecret);
        registry.add("nocturne.gazelle.access-token", () -> accessToken);
        registry.add("nocturne.gazelle.refresh-token", () -> refreshToken);
        registry.add("nocturne.gazelle.first-backoff", () -> "PT0.01S");
        registry.add("nocturne.gazelle.request-timeout", () -> "PT2S");
    }

    /** The same settings as {@link #registerProperties}, as the environment of a child process. */
    public Map<String, String> environment() {
        return Map.of("NOCTURNE_GAZELLE_URL", graphqlUrl(), "NOCTURNE_GAZELLE_TOKEN_URL", tokenUrl(),
                "NOCTURNE_GAZELLE_CLIENT_ID", "nocturne-test", "NOCTURNE_GAZELLE_CLIENT_SECRET", "secret-de-test",
                "NOCTURNE_GAZELLE_ACCESS_TOKEN", "acces-initial-0123456789",
                "NOCTURNE_GAZELLE_REFRESH_TOKEN", "renouvellement-initial-0123456789",
                "NOCTURNE_GAZELLE_FIRST_BACKOFF", "PT0.01S", "NOCTURNE_GAZELLE_REQUEST_TIMEOUT", "PT5S");
    }

    public void reset() {
        server.resetAll();
        for (String connection : List.of("allUsers", "allClients", "allPianos", "allEventsBatched", "allTimelineEntries", "allInvoices")) {
            serve(connection, List.of(), 100, false);
        }
    }

    /**
     * Serves these nodes in pages of the size each request asks for ({@code pageSize} when it asks none), the empty
     * page after the last one answering the cap check. Timeline entries are filtered on occurredAtGet/occurredAtLet
     * (on or after / on or before) the way the yearly slices of a backfill ask for them.
     */
    public void serve(String connection, List<Map<String, Object>> nodes, int pageSize, boolean edges) {
        serve(connection, nodes, pageSize, edges, 0);
    }

    /** The same, each page answered after {@code delayMillis}: a Gazelle at the other end of a network. */
    public void serve(String connection, List<Map<String, Object>> nodes, int pageSize, boolean edges, int delayMillis) {
        server.stubFor(post(urlPathEqualTo(GRAPHQL)).withRequestBody(containing(connection + "(")).atPriority(10)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withFixedDelay(delayMillis)
                        .withTransformers(Connections.NAME)
                        .withTransformerParameters(Map.of("connection", connection, "nodes", nodes, "pageSize", pageSize,
                                "edges", edges))));
    }

    /** Replaces the answer to one page (1-based) of a connection. */
    public void answerPage(String connection, int page, ResponseDefinitionBuilder response) {
        server.stubFor(request(connection, page == 1 ? null : cursor(connection, page - 1)).atPriority(1).willReturn(response));
    }

    public void serveClientById(Map<String, Object> client) {
        server.stubFor(post(urlPathEqualTo(GRAPHQL)).atPriority(2)
                .withRequestBody(containing("client(id: $id)"))
                .withRequestBody(matchingJsonPath("$.variables.id", equalTo((String) client.get("id"))))
                .willReturn(okJson(write(Map.of("data", Map.of("client", client))))));
    }

    public void tokenEndpoint(ResponseDefinitionBuilder response) {
        server.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(response));
    }

    public int requests(String connection) {
        return server.countRequestsMatching(postRequestedFor(urlPathEqualTo(GRAPHQL))
                .withRequestBody(containing(connection + "(")).build()).getCount();
    }

    private MappingBuilder request(String connection, String after) {
        MappingBuilder builder = post(urlPathEqualTo(GRAPHQL)).withRequestBody(containing(connection + "("));
        if (after == null) {
            return builder.atPriority(10);
        }
        return builder.atPriority(5).withRequestBody(matchingJsonPath("$.variables.after", equalTo(after)));
    }

    /** A server that can serve {@link #serve} pages: start it, then wrap it in a GazelleStub. */
    public static WireMockServer newServer() {
        return new WireMockServer(com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort()
                .extensions(new Connections()));
    }

    /**
     * Answers a connection's request with the page its variables ask for: {@code first}, {@code after} (the cursor of
     * the previous page, "connection:page" in base64) and, for timeline entries, the occurredAt bounds.
     */
    static final class Connections implements ResponseDefinitionTransformerV2 {

        static final String NAME = "gazelle-connection";
        private final JsonMapper json = JsonMapper.builder().build();

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        @SuppressWarnings("unchecked")
        public ResponseDefinition transform(ServeEvent event) {
            Parameters parameters = event.getTransformerParameters();
            String connection = (String) parameters.get("connection");
            JsonNode variables = json.readTree(event.getRequest().getBodyAsString()).path("variables");
            int first = variables.path("first").asInt(((Number) parameters.get("pageSize")).intValue());
            int page = variables.path("after").isString() ? pageOf(variables.path("after").asString()) + 1 : 1;
            List<Map<String, Object>> nodes = ((List<Map<String, Object>>) parameters.get("nodes")).stream()
                    .filter(node -> within(connection, node, variables)).toList();
            List<Map<String, Object>> slice = nodes.subList(Math.min(nodes.size(), (page - 1) * first),
                    Math.min(nodes.size(), page * first));
            boolean hasNext = page * first < nodes.size();
            String body = pageBody(connection, slice, hasNext, cursor(connection, page), (Boolean) parameters.get("edges"));
            return ResponseDefinitionBuilder.like(event.getResponseDefinition()).but().withBody(body).build();
        }

        private static boolean within(String connection, Map<String, Object> node, JsonNode variables) {
            if (!connection.equals("allTimelineEntries") || !(node.get("occurredAt") instanceof String text)) {
                return true;
            }
            java.time.Instant occurredAt = java.time.Instant.parse(text);
            JsonNode from = variables.path("occurredAtGet");
            JsonNode until = variables.path("occurredAtLet");
            return (!from.isString() || !occurredAt.isBefore(java.time.Instant.parse(from.asString())))
                    && (!until.isString() || !occurredAt.isAfter(java.time.Instant.parse(until.asString())));
        }

        private static int pageOf(String cursor) {
            String decoded = new String(java.util.Base64.getDecoder().decode(cursor));
            return Integer.parseInt(decoded.substring(decoded.lastIndexOf(':') + 1));
        }

        private String pageBody(String connection, List<Map<String, Object>> nodes, boolean hasNext, String endCursor, boolean edges) {
            Map<String, Object> body = new LinkedHashMap<>();
            if (edges) {
                List<Map<String, Object>> wrapped = new ArrayList<>();
                nodes.forEach(n -> wrapped.add(Map.of("node", n)));
                body.put("edges", wrapped);
            } else {
                body.put("nodes", nodes);
            }
            body.put("pageInfo", Map.of("hasNextPage", hasNext, "endCursor", endCursor));
            return json.writeValueAsString(Map.of("data", Map.of(connection, body)));
        }
    }

    private static String cursor(String connection, int page) {
        return java.util.Base64.getEncoder().encodeToString((connection + ":" + page).getBytes());
    }

    public static ResponseDefinitionBuilder okJson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    public String write(Object value) {
        return json.writeValueAsString(value);
    }
}
