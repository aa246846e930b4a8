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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;
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

    public void reset() {
        server.resetAll();
        for (String connection : List.of("allUsers", "allClients", "allPianos", "allEventsBatched", "allTimelineEntries", "allInvoices")) {
            serve(connection, List.of(), 100, false);
        }
    }

    /** Serves these nodes as pages of {@code pageSize}; the empty page after the last one answers the cap check. */
    public void serve(String connection, List<Map<String, Object>> nodes, int pageSize, boolean edges) {
        int pages = Math.max(1, (nodes.size() + pageSize - 1) / pageSize);
        for (int page = 0; page <= pages; page++) {
            List<Map<String, Object>> slice = page >= pages ? List.of()
                    : nodes.subList(page * pageSize, Math.min(nodes.size(), (page + 1) * pageSize));
            boolean hasNext = page < pages - 1;
            String body = page(connection, slice, hasNext, cursor(connection, page + 1), edges);
            server.stubFor(request(connection, page == 0 ? null : cursor(connection, page))
                    .willReturn(okJson(body)));
        }
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

    private String page(String connection, List<Map<String, Object>> nodes, boolean hasNext, String endCursor, boolean edges) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (edges) {
            List<Map<String, Object>> wrapped = new ArrayList<>();
            nodes.forEach(n -> wrapped.add(Map.of("node", n)));
            body.put("edges", wrapped);
        } else {
            body.put("nodes", nodes);
        }
        body.put("pageInfo", Map.of("hasNextPage", hasNext, "endCursor", endCursor));
        return write(Map.of("data", Map.of(connection, body)));
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
