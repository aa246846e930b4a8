package ca.ptm.nocturne.gazelle;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import ca.ptm.nocturne.gazelle.standin.GazelleStandIn;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * WireMock in front of the Gazelle stand-in, for HTTP-level faults only (5xx, 429, 401, timeouts, truncated bodies,
 * a hand-written error body): every request it has no fault for is proxied to the stand-in, which answers it from
 * Gazelle's schema.
 */
public final class GazelleFaults implements AutoCloseable {

    private final WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private final GazelleStandIn gazelle;

    public GazelleFaults(GazelleStandIn gazelle) {
        this.gazelle = gazelle;
        server.start();
        reset();
    }

    /** Removes every fault: everything goes to the stand-in again. */
    public void reset() {
        server.resetAll();
        server.stubFor(any(anyUrl()).atPriority(100)
                .willReturn(aResponse().proxiedFrom("http://127.0.0.1:" + gazelle.port())));
    }

    public String graphqlUrl() {
        return "http://localhost:" + server.port() + GazelleStandIn.GRAPHQL;
    }

    public String tokenUrl() {
        return "http://localhost:" + server.port() + GazelleStandIn.TOKEN;
    }

    /** Points the application at WireMock (and so at the stand-in behind it), with the stand-in's test credentials. */
    public void registerProperties(DynamicPropertyRegistry registry) {
        gazelle.registerProperties(registry, this::graphqlUrl, this::tokenUrl);
    }

    /** Every GraphQL request is answered with this. */
    public void answerEveryQuery(ResponseDefinitionBuilder response) {
        server.stubFor(post(urlPathEqualTo(GazelleStandIn.GRAPHQL)).atPriority(3).willReturn(response));
    }

    /** The token endpoint answers this. */
    public void answerToken(ResponseDefinitionBuilder response) {
        server.stubFor(post(urlPathEqualTo(GazelleStandIn.TOKEN)).atPriority(3).willReturn(response));
    }

    /** Every request of a root field ("allPianos(") is answered with this. */
    public void answer(String rootField, ResponseDefinitionBuilder response) {
        server.stubFor(request(rootField).atPriority(2).willReturn(response));
    }

    /**
     * The page of a connection that starts after {@code recordsBefore} records (the stand-in's cursors are positions)
     * is answered with this, every time it is asked.
     */
    public void answerPageAfter(String rootField, int recordsBefore, ResponseDefinitionBuilder response) {
        server.stubFor(request(rootField).atPriority(1)
                .withRequestBody(matchingJsonPath("$.variables.after", equalTo(GazelleStandIn.cursorOf(recordsBefore - 1))))
                .willReturn(response));
    }

    public WireMockServer server() {
        return server;
    }

    private static MappingBuilder request(String rootField) {
        return post(urlPathEqualTo(GazelleStandIn.GRAPHQL)).withRequestBody(containing(rootField + "("));
    }

    public static ResponseDefinitionBuilder okJson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Override
    public void close() {
        server.stop();
    }
}
