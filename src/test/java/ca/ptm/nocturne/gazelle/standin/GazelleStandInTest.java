package ca.ptm.nocturne.gazelle.standin;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.gazelle.GazelleNodes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The stand-in enforces Gazelle's schema the way a GraphQL server does, pages by cursor and rotates tokens. */
class GazelleStandInTest {

    static final GazelleStandIn GAZELLE = GazelleStandIn.start();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final JsonMapper json = JsonMapper.builder().build();

    @AfterAll
    static void stop() {
        GAZELLE.close();
    }

    @BeforeEach
    void reset() {
        GAZELLE.reset();
    }

    @Test
    void anUndeclaredArgumentOrAWrongVariableTypeIsAnErrorWithNullData() throws Exception {
        JsonNode undeclared = post("query { allUsers(first: 10) { id } }", Map.of());
        assertThat(undeclared.path("data").isNull()).isTrue();
        assertThat(undeclared.path("errors").get(0).path("message").asString()).contains("first");

        JsonNode unknownType = post("query T($d: DateTime) { allTimelineEntries(first: 1, occurredAtGet: $d) { totalCount } }",
                Map.of("d", "2026-01-01T00:00:00Z"));
        assertThat(unknownType.path("data").isNull()).isTrue();
        assertThat(unknownType.path("errors").toString()).contains("DateTime");

        JsonNode occurredAtLet = post("query { allTimelineEntries(first: 1, occurredAtLet: \"2026-01-01T00:00:00Z\") { totalCount } }",
                Map.of());
        assertThat(occurredAtLet.path("data").isNull()).isTrue();

        JsonNode badTime = post("query T($d: CoreDateTime) { allTimelineEntries(first: 1, occurredAtGet: $d) { totalCount } }",
                Map.of("d", "2026-01-01T00:00:00.123Z"));
        assertThat(badTime.path("data").isNull()).as("occurredAtGet is sent as YYYY-MM-DDTHH:MM:SSZ").isTrue();
        assertThat(GAZELLE.requests("allTimelineEntries")).as("nothing executed").isZero();
    }

    @Test
    void pagesTheTimelineNewestFirstByCursorWithFilters() throws Exception {
        GAZELLE.addClients(GazelleNodes.clients(3));
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            Map<String, Object> entry = GazelleNodes.timelineEntry(n, n == 4 ? 3 : 1, "2026-01-0" + n + "T14:00:00Z", "n° " + n);
            entry.put("type", n == 5 ? "APPOINTMENT" : "SERVICE_ENTRY_MANUAL");
            entries.add(entry);
        }
        GAZELLE.addTimelineEntries(entries);
        String query = "query T($first: Int, $after: String, $since: CoreDateTime, $types: [TimelineEntryType!]) { "
                + "allTimelineEntries(first: $first, after: $after, occurredAtGet: $since, types: $types) { totalCount "
                + "nodes { id client { id companyName } } pageInfo { hasNextPage endCursor } } }";
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("first", 2);
        variables.put("since", "2026-01-02T00:00:00Z");
        variables.put("types", List.of("SERVICE_ENTRY_MANUAL"));

        JsonNode first = post(query, variables).path("data").path("allTimelineEntries");
        variables.put("after", first.path("pageInfo").path("endCursor").asString());
        JsonNode second = post(query, variables).path("data").path("allTimelineEntries");

        assertThat(first.path("totalCount").asInt()).isEqualTo(3);
        assertThat(ids(first)).containsExactly("tme_T0000000004", "tme_T0000000003");
        assertThat(first.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        assertThat(ids(second)).containsExactly("tme_T0000000002");
        assertThat(second.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
        assertThat(first.path("nodes").get(0).path("client").path("companyName").asString())
                .as("a reference is the stored record").isEqualTo("Société démo n° 3");
        assertThat(GAZELLE.requests("allTimelineEntries")).isEqualTo(2);
    }

    @Test
    void filtersEventsOnTheirDatesAndFindsOneByEventId() throws Exception {
        GAZELLE.addClients(GazelleNodes.clients(1));
        GAZELLE.addEvents(List.of(GazelleNodes.appointment(1, 1, "2026-03-01T15:00:00Z", "ACTIVE"),
                GazelleNodes.appointment(2, 1, "2026-03-05T15:00:00Z", "CANCELED")));

        JsonNode page = post("query E($filters: PrivateAllEventsFilter) { allEventsBatched(first: 10, filters: $filters) { "
                + "totalCount nodes { id status allEventPianos(first: 5) { nodes { piano { id } isTuning } pageInfo { hasNextPage } } } } }",
                Map.of("filters", Map.of("startOn", "2026-03-02", "endOn", "2026-03-31"))).path("data").path("allEventsBatched");
        JsonNode one = post("query E($id: String!) { event(eventId: $id) { id status } }", Map.of("id", "evt_T0000000001"));
        JsonNode wrongDate = post("query E($d: CoreDate) { allEventsBatched(first: 1, filters: {startOn: $d}) { totalCount } }",
                Map.of("d", "2026-03-02T00:00:00Z"));

        assertThat(ids(page)).containsExactly("evt_T0000000002");
        assertThat(page.path("nodes").get(0).path("status").asString()).isEqualTo("CANCELED");
        assertThat(page.path("nodes").get(0).path("allEventPianos").path("nodes").get(0).path("piano").path("id").asString())
                .isEqualTo("ins_T0000000002");
        assertThat(one.path("data").path("event").path("status").asString()).isEqualTo("ACTIVE");
        assertThat(wrongDate.path("data").isNull()).as("CoreDate is YYYY-MM-DD").isTrue();
    }

    @Test
    void aRefreshGivesANewRefreshTokenAndRefusesTheOldOne() throws Exception {
        HttpResponse<String> first = refresh(GazelleStandIn.INITIAL_REFRESH_TOKEN);
        JsonNode token = json.readTree(first.body());
        HttpResponse<String> again = refresh(GazelleStandIn.INITIAL_REFRESH_TOKEN);
        HttpResponse<String> rotated = refresh(token.path("refresh_token").asString());
        HttpResponse<String> clientCredentials = http.send(HttpRequest.newBuilder(URI.create(GAZELLE.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(token.path("refresh_token").asString()).isNotEqualTo(GazelleStandIn.INITIAL_REFRESH_TOKEN);
        assertThat(token.path("created_at").asLong()).isBetween(System.currentTimeMillis() / 1000 - 5, System.currentTimeMillis() / 1000 + 1);
        assertThat(token.path("expires_in").asLong()).isEqualTo(GazelleStandIn.DEFAULT_LIFETIME);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("invalid_grant");
        assertThat(rotated.statusCode()).isEqualTo(200);
        assertThat(clientCredentials.body()).contains("unsupported_grant_type");

        GAZELLE.expireAccessTokens();
        HttpResponse<String> refused = http.send(graphQlRequest("{ allUsers { id } }", Map.of(), token.path("access_token").asString()),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> refresh(String refreshToken) throws Exception {
        String form = "grant_type=refresh_token&refresh_token=" + refreshToken + "&client_id=" + GazelleStandIn.CLIENT_ID
                + "&client_secret=" + GazelleStandIn.CLIENT_SECRET;
        return http.send(HttpRequest.newBuilder(URI.create(GAZELLE.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<String> ids(JsonNode connection) {
        List<String> ids = new ArrayList<>();
        connection.path("nodes").forEach(node -> ids.add(node.path("id").asString()));
        return ids;
    }

    private JsonNode post(String query, Map<String, Object> variables) throws Exception {
        HttpResponse<String> response = http.send(graphQlRequest(query, variables, GazelleStandIn.INITIAL_ACCESS_TOKEN),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpRequest graphQlRequest(String query, Map<String, Object> variables, String token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        return HttpRequest.newBuilder(URI.create(GAZELLE.graphqlUrl()))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
    }
}
