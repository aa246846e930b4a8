package ca.ptm.nocturne.gazelle.api;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Gazelle's private GraphQL API and how hard to insist when it misbehaves.
 *
 * @param graphqlUrl     the private GraphQL endpoint (trailing slash required by Gazelle)
 * @param tokenUrl       the OAuth token endpoint used for the refresh-token grant
 * @param clientId       OAuth client id (may be null when no refresh is ever needed, e.g. in some tests)
 * @param clientSecret   OAuth client secret; never printed by {@link #toString()}
 * @param connectTimeout TCP/TLS connection timeout (applied by {@link GazelleGraphQlClient#newHttpClient})
 * @param requestTimeout timeout of one HTTP exchange
 * @param maxAttempts    attempts in total for one request (first try included) on 429, 5xx and network errors
 * @param firstBackoff   wait after the first transient failure; doubled after each further failure
 * @param maxRetryAfter  cap on the wait requested by a 429 Retry-After header
 * @param refreshAhead   the access token is refreshed before a call when it expires within this margin
 */
public record GazelleApiSettings(URI graphqlUrl, URI tokenUrl, String clientId, String clientSecret,
                                 Duration connectTimeout, Duration requestTimeout, int maxAttempts,
                                 Duration firstBackoff, Duration maxRetryAfter, Duration refreshAhead) {

    public GazelleApiSettings {
        Objects.requireNonNull(graphqlUrl, "graphqlUrl");
        Objects.requireNonNull(tokenUrl, "tokenUrl");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        requireNotNegative(firstBackoff, "firstBackoff");
        requireNotNegative(maxRetryAfter, "maxRetryAfter");
        requireNotNegative(refreshAhead, "refreshAhead");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
    }

    /** Defaults: connect 10 s, request 60 s, 3 attempts, backoff 2 s then 4 s, Retry-After capped at 60 s, refresh 3 days ahead. */
    public static GazelleApiSettings defaults(URI graphqlUrl, URI tokenUrl) {
        return new GazelleApiSettings(graphqlUrl, tokenUrl, null, null, Duration.ofSeconds(10), Duration.ofSeconds(60), 3,
                Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofDays(3));
    }

    public GazelleApiSettings withClient(String newClientId, String newClientSecret) {
        return new GazelleApiSettings(graphqlUrl, tokenUrl, newClientId, newClientSecret, connectTimeout, requestTimeout,
                maxAttempts, firstBackoff, maxRetryAfter, refreshAhead);
    }

    public GazelleApiSettings withTimeouts(Duration newConnectTimeout, Duration newRequestTimeout) {
        return new GazelleApiSettings(graphqlUrl, tokenUrl, clientId, clientSecret, newConnectTimeout, newRequestTimeout,
                maxAttempts, firstBackoff, maxRetryAfter, refreshAhead);
    }

    public GazelleApiSettings withRetries(int newMaxAttempts, Duration newFirstBackoff, Duration newMaxRetryAfter) {
        return new GazelleApiSettings(graphqlUrl, tokenUrl, clientId, clientSecret, connectTimeout, requestTimeout,
                newMaxAttempts, newFirstBackoff, newMaxRetryAfter, refreshAhead);
    }

    public GazelleApiSettings withRefreshAhead(Duration newRefreshAhead) {
        return new GazelleApiSettings(graphqlUrl, tokenUrl, clientId, clientSecret, connectTimeout, requestTimeout,
                maxAttempts, firstBackoff, maxRetryAfter, newRefreshAhead);
    }

    @Override
    public String toString() {
        return "GazelleApiSettings[graphqlUrl=" + graphqlUrl + ", tokenUrl=" + tokenUrl + ", clientId=" + clientId
                + ", clientSecret=" + (clientSecret == null || clientSecret.isEmpty() ? "(absent)" : "(masqué)")
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", maxAttempts=" + maxAttempts + ", firstBackoff=" + firstBackoff + ", maxRetryAfter=" + maxRetryAfter
                + ", refreshAhead=" + refreshAhead + "]";
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }

    private static void requireNotNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + d);
        }
    }
}
