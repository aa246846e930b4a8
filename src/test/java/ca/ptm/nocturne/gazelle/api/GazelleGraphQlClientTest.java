package ca.ptm.nocturne.gazelle.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GazelleGraphQlClientTest {

    private static final String GRAPHQL = "/graphql/private/";
    private static final String TOKEN = "/developer/oauth/token";
    private static final String OLD_ACCESS = "accOLDaccess000000000001";
    private static final String OLD_REFRESH = "refOLDrefresh00000000001";
    private static final String NEW_ACCESS = "accNEWaccess000000000002";
    private static final String NEW_REFRESH = "refNEWrefresh00000000002";
    private static final String CLIENT_ID = "nocturne-client-id";
    private static final String CLIENT_SECRET = "secretCLIENTvalue0000003";
    private static final String QUERY = "query($first:Int,$after:String){allClients(first:$first,after:$after){nodes{id}}}";
    private static final String DESCRIPTION = "allClients, page 3";
    private static final String DATA = "{\"data\":{\"allClients\":{\"nodes\":[{\"id\":\"cli_1\"}]}}}";

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private WireMockServer server;
    private InMemoryTokenStore store;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        store = new InMemoryTokenStore(freshToken(OLD_ACCESS, OLD_REFRESH));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void postsTheQueryWithTheBearerTokenAndReturnsData() {
        server.stubFor(graphQl(OLD_ACCESS).willReturn(okJson(DATA)));

        JsonNode data = client().query(DESCRIPTION, QUERY, Map.of("first", 100));

        assertThat(data.path("allClients").path("nodes").get(0).path("id").stringValue()).isEqualTo("cli_1");
        server.verify(exactly(1), postRequestedFor(urlEqualTo(GRAPHQL))
                .withHeader("Authorization", equalTo("Bearer " + OLD_ACCESS))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(equalToJson("{\"query\":\"" + QUERY + "\",\"variables\":{\"first\":100}}")));
        assertThat(sleeper.waits).isEmpty();
        assertThat(store.saved).isEmpty();
    }

    @Test
    void refreshesOnUnauthorizedSavesTheNewTokenAndRetriesOnce() {
        server.stubFor(graphQl(OLD_ACCESS).willReturn(aResponse().withStatus(401)));
        server.stubFor(graphQl(NEW_ACCESS).willReturn(okJson(DATA)));
        server.stubFor(tokenEndpoint().willReturn(okJson(tokenResponse())));
        GazelleGraphQlClient client = client();

        JsonNode data = client.query(DESCRIPTION, QUERY, Map.of());

        assertThat(data.has("allClients")).isTrue();
        assertThat(store.saved).hasSize(1);
        assertThat(store.saved.get(0).accessToken()).isEqualTo(NEW_ACCESS);
        assertThat(store.saved.get(0).refreshToken()).isEqualTo(NEW_REFRESH);
        server.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=" + OLD_REFRESH))
                .withRequestBody(containing("client_id=" + CLIENT_ID))
                .withRequestBody(containing("client_secret=" + CLIENT_SECRET)));
        assertThat(client.requestCount()).isEqualTo(3);

        // The refreshed token is kept for the next calls.
        client.query("allClients, page 4", QUERY, Map.of());
        server.verify(exactly(2), postRequestedFor(urlEqualTo(GRAPHQL)).withHeader("Authorization", equalTo("Bearer " + NEW_ACCESS)));
        server.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN)));
    }

    @Test
    void aRefusedRefreshAsksAllanToAuthorizeAgainWithoutLeakingSecrets() {
        server.stubFor(graphQl(OLD_ACCESS).willReturn(aResponse().withStatus(401)));
        server.stubFor(tokenEndpoint().willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"The provided authorization grant is invalid: "
                        + OLD_REFRESH + "\"}")));

        assertThatThrownBy(() -> client().query(DESCRIPTION, QUERY, Map.of()))
                .isInstanceOf(GazelleAuthorizationException.class)
                .hasMessageContaining(GazelleAuthorizationException.REFRESH_REFUSED)
                .hasMessageContaining("invalid_grant")
                .satisfies(e -> {
                    assertThat(((GazelleApiException) e).description()).isEqualTo(DESCRIPTION);
                    assertThat(e.getMessage()).doesNotContain(OLD_ACCESS, OLD_REFRESH, CLIENT_SECRET);
                });
        assertThat(store.saved).isEmpty();
        assertThat(store.toString()).doesNotContain(OLD_ACCESS, OLD_REFRESH);
        assertThat(store.current.toString()).doesNotContain(OLD_ACCESS, OLD_REFRESH);
        server.verify(exactly(1), postRequestedFor(urlEqualTo(GRAPHQL)));
    }

    @Test
    void aSecondUnauthorizedAfterRefreshFails() {
        server.stubFor(post(urlEqualTo(GRAPHQL)).willReturn(aResponse().withStatus(401)));
        server.stubFor(tokenEndpoint().willReturn(okJson(tokenResponse())));

        assertThatThrownBy(() -> client().query(DESCRIPTION, QUERY, Map.of()))
                .isInstanceOf(GazelleAuthorizationException.class)
                .hasMessageContaining(DESCRIPTION)
                .hasMessageContaining("HTTP 401")
                .message().doesNotContain(NEW_ACCESS, OLD_ACCESS);
        server.verify(exactly(2), postRequestedFor(urlEqualTo(GRAPHQL)));
        server.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN)));
    }

    @Test
    void waitsForRetryAfterOn429ThenRetries() {
        server.stubFor(graphQl(OLD_ACCESS).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")).willSetStateTo("ok"));
        server.stubFor(graphQl(OLD_ACCESS).inScenario("429").whenScenarioStateIs("ok").willReturn(okJson(DATA)));

        JsonNode data = client().query(DESCRIPTION, QUERY, Map.of());

        assertThat(data.has("allClients")).isTrue();
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void capsRetryAfterAndUsesTheBackoffWhenItIsAbsent() {
        server.stubFor(graphQl(OLD_ACCESS).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")).willSetStateTo("bare"));
        server.stubFor(graphQl(OLD_ACCESS).inScenario("429").whenScenarioStateIs("bare")
                .willReturn(aResponse().withStatus(429)).willSetStateTo("ok"));
        server.stubFor(graphQl(OLD_ACCESS).inScenario("429").whenScenarioStateIs("ok").willReturn(okJson(DATA)));

        client().query(DESCRIPTION, QUERY, Map.of());

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(60), Duration.ofSeconds(4));
    }

    @Test
    void retriesServerErrorsWithDoublingBackoff() {
        server.stubFor(graphQl(OLD_ACCESS).inScenario("5xx").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("again"));
        server.stubFor(graphQl(OLD_ACCESS).inScenario("5xx").whenScenarioStateIs("again")
                .willReturn(aResponse().withStatus(500)).willSetStateTo("ok"));
        server.stubFor(graphQl(OLD_ACCESS).inScenario("5xx").whenScenarioStateIs("ok").willReturn(okJson(DATA)));
        GazelleGraphQlClient client = client();

        JsonNode data = client.query(DESCRIPTION, QUERY, Map.of());

        assertThat(data.has("allClients")).isTrue();
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(client.requestCount()).isEqualTo(3);
    }

    @Test
    void givesUpAfterMaxAttemptsNamingTheQueryAndTheLastStatus() {
        server.stubFor(graphQl(OLD_ACCESS).willReturn(aResponse().withStatus(503).withBody("maintenance")));

        assertThatThrownBy(() -> client().query(DESCRIPTION, QUERY, Map.of()))
                .isExactlyInstanceOf(GazelleApiException.class)
                .hasMessage("Gazelle ne répond pas pour allClients, page 3 après 3 tentatives (HTTP 503)");
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
        server.verify(exactly(3), postRequestedFor(urlEqualTo(GRAPHQL)));
    }

    @Test
    void retriesTimeoutsThenFails() {
        server.stubFor(graphQl(OLD_ACCESS).willReturn(okJson(DATA).withFixedDelay(1500)));
        GazelleApiSettings settings = settings().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200));
        GazelleGraphQlClient client = new GazelleGraphQlClient(settings, store, mapper, http(), sleeper);

        assertThatThrownBy(() -> client.query(DESCRIPTION, QUERY, Map.of()))
                .isExactlyInstanceOf(GazelleApiException.class)
                .hasMessageContaining("Gazelle ne répond pas pour allClients, page 3 après 3 tentatives")
                .hasMessageContaining("délai")
                .hasCauseInstanceOf(HttpTimeoutException.class);
        assertThat(client.requestCount()).isEqualTo(3);
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void retriesAConnectionResetThenSucceeds() {
        server.stubFor(graphQl(OLD_ACCESS).inScenario("reset").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("ok"));
        server.stubFor(graphQl(OLD_ACCESS).inScenario("reset").whenScenarioStateIs("ok").willReturn(okJson(DATA)));

        assertThat(client().query(DESCRIPTION, QUERY, Map.of()).has("allClients")).isTrue();
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void retriesARefusedConnectionThenFails() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        GazelleApiSettings settings = GazelleApiSettings.defaults(URI.create("http://localhost:" + closedPort + GRAPHQL),
                URI.create("http://localhost:" + closedPort + TOKEN)).withClient(CLIENT_ID, CLIENT_SECRET);
        GazelleGraphQlClient client = new GazelleGraphQlClient(settings, store, mapper, http(), sleeper);

        assertThatThrownBy(() -> client.query(DESCRIPTION, QUERY, Map.of()))
                .isExactlyInstanceOf(GazelleApiException.class)
                .hasMessageContaining("après 3 tentatives")
                .hasMessageContaining("ConnectException");
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void malformedJsonIsUnreadableAndNotRetried() {
        server.stubFor(graphQl(OLD_ACCESS).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Maintenance</body></html>")));

        assertThatThrownBy(() -> client().query(DESCRIPTION, QUERY, Map.of()))
                .isExactlyInstanceOf(GazelleApiException.class)
                .hasMessageStartingWith("Réponse illisible de Gazelle pour allClients, page 3");
        server.verify(exactly(1), postRequestedFor(urlEqualTo(GRAPHQL)));
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void aTruncatedBodyIsUnreadableAndNotRetried() {
        server.stubFor(graphQl(OLD_ACCESS).willReturn(okJson("{\"data\":{\"allClients\":{\"nodes\":[{\"id\":\"cli_1\"},{\"id\":\"cl")));

        assertThatThrownBy(() -> client().query(DESCRIPTION, QUERY, Map.of()))
                .isExactlyInstanceOf(GazelleApiException.class)
                .hasMessageStartingWith("Réponse illisible de Gazelle pour allClients, page 3")
                .satisfies(e -> assertThat(((GazelleApiException) e).description()).isEqualTo(DESCRIPTION));
        server.verify(exactly(1), postRequestedFor(urlEqualTo(GRAPHQL)));
    }

    @Test
    void graphQlErrorsFailTheCallQuotingGazelle() {
        server.stubFor(graphQl(OLD_ACCESS).willReturn(okJson("{\"data\":null,\"errors\":["
                + "{\"message\":\"Field 'bogus' doesn't exist on type 'Client'\"},"
                + "{\"message\":\"Query too complex\"}]}")));

        assertThatThrownBy(() -> client().query(DESCRIPTION, QUERY, Map.of()))
                .isExactlyInstanceOf(GazelleApiException.class)
                .hasMessageContaining("allClients, page 3")
                .hasMessageContaining("Field 'bogus' doesn't exist on type 'Client'")
                .hasMessageContaining("Query too complex");
        server.verify(exactly(1), postRequestedFor(urlEqualTo(GRAPHQL)));
    }

    @Test
    void aResponseWithoutDataFails() {
        server.stubFor(graphQl(OLD_ACCESS).willReturn(okJson("{\"extensions\":{}}")));

        assertThatThrownBy(() -> client().query(DESCRIPTION, QUERY, Map.of()))
                .isExactlyInstanceOf(GazelleApiException.class)
                .hasMessageContaining("sans données")
                .hasMessageContaining(DESCRIPTION);
    }

    @Test
    void otherClientErrorsFailAtOnceWithAnExcerpt() {
        server.stubFor(graphQl(OLD_ACCESS).willReturn(aResponse().withStatus(400)
                .withBody("{\"message\":\"Bad request: " + "x".repeat(500) + "\"}")));

        assertThatThrownBy(() -> client().query(DESCRIPTION, QUERY, Map.of()))
                .isExactlyInstanceOf(GazelleApiException.class)
                .hasMessageContaining("HTTP 400")
                .hasMessageContaining("Bad request")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(400));
        server.verify(exactly(1), postRequestedFor(urlEqualTo(GRAPHQL)));
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void refreshesAheadOfExpiryBeforeCalling() {
        Instant almostExpired = Instant.now().minus(Duration.ofDays(28));
        store = new InMemoryTokenStore(new OAuthToken(OLD_ACCESS, OLD_REFRESH, Duration.ofDays(30).toSeconds(), almostExpired));
        server.stubFor(graphQl(NEW_ACCESS).willReturn(okJson(DATA)));
        server.stubFor(tokenEndpoint().willReturn(okJson(tokenResponse())));

        client().query(DESCRIPTION, QUERY, Map.of());

        server.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN)));
        server.verify(exactly(0), postRequestedFor(urlEqualTo(GRAPHQL)).withHeader("Authorization", equalTo("Bearer " + OLD_ACCESS)));
        server.verify(exactly(1), postRequestedFor(urlEqualTo(GRAPHQL)).withHeader("Authorization", equalTo("Bearer " + NEW_ACCESS)));
        assertThat(store.saved).extracting(OAuthToken::accessToken).containsExactly(NEW_ACCESS);
    }

    @Test
    void aTransientFailureOfTheEarlyRefreshKeepsTheStillValidToken() {
        Instant almostExpired = Instant.now().minus(Duration.ofDays(28));
        store = new InMemoryTokenStore(new OAuthToken(OLD_ACCESS, OLD_REFRESH, Duration.ofDays(30).toSeconds(), almostExpired));
        server.stubFor(graphQl(OLD_ACCESS).willReturn(okJson(DATA)));
        server.stubFor(tokenEndpoint().willReturn(aResponse().withStatus(502)));

        assertThat(client().query(DESCRIPTION, QUERY, Map.of()).has("allClients")).isTrue();

        server.verify(exactly(3), postRequestedFor(urlEqualTo(TOKEN)));
        assertThat(store.saved).isEmpty();
    }

    @Test
    void keepsARefreshTokenThatTheEndpointDoesNotRenew() {
        Instant almostExpired = Instant.now().minus(Duration.ofDays(28));
        store = new InMemoryTokenStore(new OAuthToken(OLD_ACCESS, OLD_REFRESH, Duration.ofDays(30).toSeconds(), almostExpired));
        server.stubFor(graphQl(NEW_ACCESS).willReturn(okJson(DATA)));
        server.stubFor(tokenEndpoint().willReturn(okJson("{\"access_token\":\"" + NEW_ACCESS + "\",\"expires_in\":2592000}")));

        client().query(DESCRIPTION, QUERY, Map.of());

        assertThat(store.saved).hasSize(1);
        assertThat(store.saved.get(0).refreshToken()).isEqualTo(OLD_REFRESH);
        assertThat(store.saved.get(0).expiresWithin(Duration.ofDays(3), Instant.now())).isFalse();
    }

    @Test
    void withoutAnyTokenConsentIsRequested() {
        store = new InMemoryTokenStore(null);

        assertThatThrownBy(() -> client().query(DESCRIPTION, QUERY, Map.of()))
                .isInstanceOf(GazelleAuthorizationException.class)
                .hasMessageContaining("Allan");
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void aSecondClientUsesTheTokenTheFirstRefreshedInsteadOfSpendingTheOldRefreshTokenAgain() {
        MutableClock clock = new MutableClock(Instant.now());
        store = new InMemoryTokenStore(new OAuthToken(OLD_ACCESS, OLD_REFRESH, Duration.ofDays(30).toSeconds(), clock.instant()));
        server.stubFor(graphQl(OLD_ACCESS).willReturn(okJson(DATA)));
        server.stubFor(graphQl(NEW_ACCESS).willReturn(okJson(DATA)));
        // Gazelle-like rotation: the old refresh token is good once; no created_at in the answer.
        server.stubFor(tokenEndpoint().withRequestBody(containing("refresh_token=" + OLD_REFRESH)).inScenario("rotation")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("rotated")
                .willReturn(okJson("{\"access_token\":\"" + NEW_ACCESS + "\",\"refresh_token\":\"" + NEW_REFRESH
                        + "\",\"expires_in\":2592000}")));
        server.stubFor(tokenEndpoint().withRequestBody(containing("refresh_token=" + OLD_REFRESH)).inScenario("rotation")
                .whenScenarioStateIs("rotated").willReturn(aResponse().withStatus(400).withBody("{\"error\":\"invalid_grant\"}")));
        GazelleGraphQlClient first = new GazelleGraphQlClient(settings(), store, mapper, http(), sleeper, clock);
        GazelleGraphQlClient second = new GazelleGraphQlClient(settings(), store, mapper, http(), sleeper, clock);
        first.query(DESCRIPTION, QUERY, Map.of());
        second.query(DESCRIPTION, QUERY, Map.of());

        clock.advance(Duration.ofDays(29));
        first.query(DESCRIPTION, QUERY, Map.of());
        second.query(DESCRIPTION, QUERY, Map.of());

        server.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN)));
        server.verify(exactly(2), postRequestedFor(urlEqualTo(GRAPHQL)).withHeader("Authorization", equalTo("Bearer " + NEW_ACCESS)));
        assertThat(store.current.refreshToken()).isEqualTo(NEW_REFRESH);
        assertThat(store.current.createdAt()).as("no created_at in the answer: created when received").isEqualTo(clock.instant());
    }

    @Test
    void aStoredTokenWithoutCreationTimeIsTakenAsCreatedNowNotRefreshedOnEveryCall() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-07T07:00:00Z"));
        store = new InMemoryTokenStore(OAuthToken.fromStoredValue(
                "{\"access_token\":\"" + OLD_ACCESS + "\",\"refresh_token\":\"" + OLD_REFRESH + "\",\"expires_in\":2592000}", mapper));
        server.stubFor(graphQl(OLD_ACCESS).willReturn(okJson(DATA)));
        GazelleGraphQlClient client = new GazelleGraphQlClient(settings(), store, mapper, http(), sleeper, clock);

        client.query(DESCRIPTION, QUERY, Map.of());
        client.query(DESCRIPTION, QUERY, Map.of());

        server.verify(exactly(0), postRequestedFor(urlEqualTo(TOKEN)));
        assertThat(store.saved).extracting(OAuthToken::createdAt).containsExactly(clock.instant());
    }

    @Test
    void aCreationTimeInTheFutureOrZeroIsTakenAsNow() {
        Instant now = Instant.parse("2026-12-07T07:00:00Z");
        OAuthToken future = new OAuthToken(OLD_ACCESS, OLD_REFRESH, 2_592_000L, now.plus(Duration.ofDays(400)));
        OAuthToken zero = new OAuthToken(OLD_ACCESS, OLD_REFRESH, 2_592_000L, Instant.EPOCH);
        OAuthToken skewed = new OAuthToken(OLD_ACCESS, OLD_REFRESH, 2_592_000L, now.plusSeconds(30));

        assertThat(future.hasDoubtfulCreation(now)).isTrue();
        assertThat(zero.hasDoubtfulCreation(now)).isTrue();
        assertThat(skewed.hasDoubtfulCreation(now)).as("a few seconds of clock skew is not doubtful").isFalse();
        assertThat(future.createdAt(now).expiresAt()).isEqualTo(now.plus(Duration.ofDays(30)));
    }

    // ---- helpers ----

    private static final class MutableClock extends java.time.Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private GazelleApiSettings settings() {
        return GazelleApiSettings.defaults(URI.create(server.baseUrl() + GRAPHQL), URI.create(server.baseUrl() + TOKEN))
                .withClient(CLIENT_ID, CLIENT_SECRET)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    private GazelleGraphQlClient client() {
        return new GazelleGraphQlClient(settings(), store, mapper, http(), sleeper);
    }

    private static HttpClient http() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    }

    private static MappingBuilder graphQl(String accessToken) {
        return post(urlEqualTo(GRAPHQL)).withHeader("Authorization", equalTo("Bearer " + accessToken));
    }

    private static MappingBuilder tokenEndpoint() {
        return post(urlEqualTo(TOKEN)).withRequestBody(containing("grant_type=refresh_token"));
    }

    private static String tokenResponse() {
        return "{\"access_token\":\"" + NEW_ACCESS + "\",\"token_type\":\"Bearer\",\"expires_in\":2592000,"
                + "\"refresh_token\":\"" + NEW_REFRESH + "\",\"created_at\":" + Instant.now().getEpochSecond() + "}";
    }

    private static OAuthToken freshToken(String access, String refresh) {
        return new OAuthToken(access, refresh, Duration.ofDays(30).toSeconds(), Instant.now().minus(Duration.ofDays(1)));
    }

    private static final class RecordingSleeper implements Sleeper {
        final List<Duration> waits = new ArrayList<>();

        @Override
        public void sleep(Duration d) {
            waits.add(d);
        }
    }

    private static final class InMemoryTokenStore implements TokenStore {
        final List<OAuthToken> saved = new ArrayList<>();
        OAuthToken current;

        InMemoryTokenStore(OAuthToken initial) {
            this.current = initial;
        }

        @Override
        public Optional<OAuthToken> load() {
            return Optional.ofNullable(current);
        }

        @Override
        public void save(OAuthToken token) {
            saved.add(token);
            current = token;
        }

        @Override
        public String toString() {
            return "InMemoryTokenStore[current=" + current + "]";
        }
    }
}
