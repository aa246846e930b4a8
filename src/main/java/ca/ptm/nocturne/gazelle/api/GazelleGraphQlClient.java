package ca.ptm.nocturne.gazelle.api;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls Gazelle's private GraphQL API with the stored OAuth token.
 * <ul>
 *   <li>the access token is refreshed before the call when it expires within {@code refreshAhead} (or half its
 *   lifetime, for a token that lives less than twice that: else every call would refresh it);</li>
 *   <li>401: refresh once, save the new token through the {@link TokenStore}, retry once;</li>
 *   <li>429 (Retry-After, capped), 5xx, timeouts and network errors: retried with backoff up to {@code maxAttempts};</li>
 *   <li>other 4xx, unreadable JSON, GraphQL {@code errors} and a missing {@code data}: {@link GazelleApiException} at once.</li>
 * </ul>
 * Tokens, the client secret and the Authorization header are never logged nor put in exception messages.
 * Thread-safe.
 */
public final class GazelleGraphQlClient {

    private static final Logger log = LoggerFactory.getLogger(GazelleGraphQlClient.class);
    private static final int EXCERPT_LENGTH = 200;
    private static final int MAX_QUOTED_ERRORS = 5;
    private static final String MASKED = "(masqué)";
    private static final AtomicBoolean DOUBTFUL_CREATION_LOGGED = new AtomicBoolean();

    private final GazelleApiSettings settings;
    private final TokenStore tokens;
    private final JsonMapper mapper;
    private final HttpClient http;
    private final Sleeper sleeper;
    private final Clock clock;
    private final AtomicLong requestCount = new AtomicLong();
    private final Object tokenLock = new Object();
    private OAuthToken current; // guarded by tokenLock
    private OAuthToken previous; // guarded by tokenLock; kept only to scrub it from messages

    public GazelleGraphQlClient(GazelleApiSettings settings, TokenStore tokens, JsonMapper mapper, HttpClient http,
                                Sleeper sleeper) {
        this(settings, tokens, mapper, http, sleeper, Clock.systemUTC());
    }

    GazelleGraphQlClient(GazelleApiSettings settings, TokenStore tokens, JsonMapper mapper, HttpClient http,
                         Sleeper sleeper, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.http = Objects.requireNonNull(http, "http");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * An HttpClient with the settings' connect timeout, following no redirects. HTTP/1.1: pages are fetched one after
     * the other, and a plain-HTTP endpoint (a local stub) would otherwise be sent an h2c upgrade.
     */
    public static HttpClient newHttpClient(GazelleApiSettings settings) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** HTTP requests sent so far (GraphQL calls, their retries and token refreshes). */
    public long requestCount() {
        return requestCount.get();
    }

    /**
     * Runs one GraphQL query and returns its {@code data} node.
     *
     * @param description names the query and the page for messages, e.g. "allClients, page 3"
     * @param variables   the GraphQL variables (null or empty for none)
     * @throws GazelleAuthorizationException when Gazelle refuses the tokens and a person must consent again
     * @throws GazelleApiException           on any other failure
     */
    public JsonNode query(String description, String query, Map<String, Object> variables) {
        Objects.requireNonNull(query, "query");
        String body = requestBody(query, variables);
        OAuthToken token = tokenForCall(description);
        HttpResponse<String> response = sendWithRetry(description, graphQlRequest(body, token));
        if (response.statusCode() == 401) {
            token = refreshAfterUnauthorized(description, token);
            response = sendWithRetry(description, graphQlRequest(body, token));
            if (response.statusCode() == 401) {
                throw new GazelleAuthorizationException(description, "Gazelle refuse le jeton d'accès pour " + description
                        + " même après son renouvellement (HTTP 401) : Allan doit vérifier l'autorisation de Nocturne dans Gazelle.");
            }
        }
        return readData(description, response);
    }

    // ---- tokens ----

    private OAuthToken tokenForCall(String description) {
        synchronized (tokenLock) {
            if (current == null) {
                current = trusted(tokens.load().orElseThrow(() -> new GazelleAuthorizationException(description,
                        "Aucun jeton Gazelle disponible : Allan doit autoriser Nocturne dans Gazelle (consentement dans le navigateur).")),
                        true);
            }
            Instant now = clock.instant();
            if (expiresSoon(current, now)) {
                try {
                    refreshUnlessDoneElsewhere(description, current, true);
                } catch (GazelleAuthorizationException e) {
                    throw e; // consent needed: say so now rather than when the token expires
                } catch (GazelleApiException e) {
                    if (current.expiresWithin(Duration.ZERO, now)) {
                        throw e;
                    }
                    log.warn("Early refresh of the Gazelle access token failed; the current token is still valid until {}",
                            current.expiresAt());
                }
            }
            return current;
        }
    }

    private OAuthToken refreshAfterUnauthorized(String description, OAuthToken rejected) {
        synchronized (tokenLock) {
            if (current != null && !current.accessToken().equals(rejected.accessToken())) {
                return current; // another call already refreshed it
            }
            refreshUnlessDoneElsewhere(description, rejected, false);
            return current;
        }
    }

    /**
     * Refreshes {@code old} unless another client (a partition's thread, a remote worker) saved a newer token since this
     * one was loaded: then that one is used, and refreshed only if it too is about to expire. Refresh tokens may be
     * single-use, so refreshing with the one another client already spent would be refused. Caller holds tokenLock.
     *
     * @param onExpiry true for an early refresh (the saved token is good if it is not expiring), false after a 401 (any
     *                 other saved token is worth one try)
     */
    private void refreshUnlessDoneElsewhere(String description, OAuthToken old, boolean onExpiry) {
        tokens.exclusively(() -> {
            OAuthToken saved = tokens.load().map(token -> trusted(token, false)).orElse(null);
            boolean newer = saved != null && !saved.refreshToken().equals(old.refreshToken());
            if (newer && !(onExpiry && expiresSoon(saved, clock.instant()))) {
                previous = old;
                current = saved;
                log.info("Using the Gazelle access token another run saved");
                return null;
            }
            refresh(description, newer ? saved : old);
            return null;
        });
    }

    private boolean expiresSoon(OAuthToken token, Instant now) {
        Duration halfLife = Duration.ofSeconds(token.expiresIn() / 2);
        Duration margin = halfLife.compareTo(settings.refreshAhead()) < 0 ? halfLife : settings.refreshAhead();
        return token.expiresWithin(margin, now);
    }

    /**
     * A token whose creation time is missing, zero or in the future is taken as created now (and saved so, when it is
     * the one loaded at start), rather than refreshed on every call or never. Said once per process.
     */
    private OAuthToken trusted(OAuthToken token, boolean saveCorrection) {
        Instant now = clock.instant();
        if (!token.hasDoubtfulCreation(now)) {
            return token;
        }
        if (DOUBTFUL_CREATION_LOGGED.compareAndSet(false, true)) {
            log.warn("Gazelle token created_at is missing, zero or in the future ({}); taken as created now", token.createdAt());
        }
        OAuthToken corrected = token.createdAt(now);
        if (saveCorrection) {
            tokens.save(corrected);
        }
        return corrected;
    }

    /** Refreshes {@code old}, saves the new token, then makes it current. Caller holds tokenLock. */
    private void refresh(String description, OAuthToken old) {
        if (isBlank(settings.clientId()) || isBlank(settings.clientSecret())) {
            throw new GazelleApiException(description, "Impossible de renouveler le jeton Gazelle pour " + description
                    + " : identifiant ou secret du client OAuth de Nocturne non configuré.");
        }
        String form = "grant_type=refresh_token"
                + "&refresh_token=" + formEncode(old.refreshToken())
                + "&client_id=" + formEncode(settings.clientId())
                + "&client_secret=" + formEncode(settings.clientSecret());
        HttpRequest request = HttpRequest.newBuilder(settings.tokenUrl())
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                .build();
        String what = "le renouvellement du jeton (" + description + ")";
        HttpResponse<String> response = sendWithRetry(description, what, request);
        int status = response.statusCode();
        if (status == 400 || status == 401) {
            throw GazelleAuthorizationException.refreshRefused(description, status, oauthErrorCode(response.body()));
        }
        if (status < 200 || status >= 300) {
            // The token endpoint's body is not quoted: it could echo credentials.
            throw new GazelleApiException(description, "Le renouvellement du jeton Gazelle a échoué pour " + description
                    + " (HTTP " + status + ").");
        }
        OAuthToken fresh;
        try {
            JsonNode node = mapper.readTree(response.body());
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("not an object");
            }
            fresh = trusted(OAuthToken.fromJson(node, old.refreshToken(), clock.instant()), false);
        } catch (JacksonException | IllegalArgumentException e) {
            // No cause: the parser's message could quote the new tokens.
            throw new GazelleApiException(description, "Réponse illisible de Gazelle au renouvellement du jeton pour "
                    + description + ".");
        }
        try {
            tokens.save(fresh);
        } catch (RuntimeException e) {
            throw new GazelleApiException(description, "Le jeton Gazelle renouvelé n'a pas pu être enregistré pour "
                    + description + " : " + scrub(String.valueOf(e.getMessage())), e);
        }
        previous = old;
        current = fresh;
        log.info("Gazelle access token refreshed");
    }

    private String oauthErrorCode(String body) {
        try {
            JsonNode node = mapper.readTree(body == null ? "" : body);
            JsonNode error = node == null ? null : node.get("error");
            if (error != null && error.isString() && error.stringValue().matches("[A-Za-z0-9_.\\-]{1,64}")) {
                return error.stringValue();
            }
        } catch (JacksonException e) {
            // no usable error code
        }
        return null;
    }

    // ---- HTTP ----

    private String requestBody(String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables == null ? Map.of() : variables);
        return mapper.writeValueAsString(body);
    }

    private HttpRequest graphQlRequest(String body, OAuthToken token) {
        return HttpRequest.newBuilder(settings.graphqlUrl())
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token.accessToken())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    private HttpResponse<String> sendWithRetry(String description, HttpRequest request) {
        return sendWithRetry(description, description, request);
    }

    /**
     * Sends until a response that is neither 429 nor 5xx arrives, or maxAttempts is reached.
     *
     * @param what the subject of the failure message ("allClients, page 3", "le renouvellement du jeton (…)")
     */
    private HttpResponse<String> sendWithRetry(String description, String what, HttpRequest request) {
        for (int attempt = 1; ; attempt++) {
            String lastError;
            Throwable cause = null;
            Duration wait;
            try {
                requestCount.incrementAndGet();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status == 429) {
                    lastError = "HTTP 429";
                    wait = retryAfter(response, attempt);
                } else if (status >= 500) {
                    lastError = "HTTP " + status;
                    wait = backoff(attempt);
                } else {
                    return response;
                }
            } catch (HttpTimeoutException e) {
                lastError = "délai de " + settings.requestTimeout().toMillis() + " ms dépassé";
                cause = e;
                wait = backoff(attempt);
            } catch (IOException e) {
                lastError = "erreur réseau : " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + scrub(e.getMessage()));
                cause = e;
                wait = backoff(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GazelleApiException(description, "Appel à Gazelle interrompu pour " + what + ".", e);
            }
            if (attempt >= settings.maxAttempts()) {
                throw new GazelleApiException(description, "Gazelle ne répond pas pour " + what + " après " + attempt
                        + (attempt > 1 ? " tentatives" : " tentative") + " (" + lastError + ")", cause);
            }
            log.warn("Gazelle call failed for {} ({}), attempt {}/{}; retrying in {} ms",
                    what, lastError, attempt, settings.maxAttempts(), wait.toMillis());
            pause(description, what, wait);
        }
    }

    private void pause(String description, String what, Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GazelleApiException(description, "Appel à Gazelle interrompu pour " + what + ".", e);
        }
    }

    /** firstBackoff, then doubled after each further failure: 2 s, 4 s, 8 s… */
    private Duration backoff(int failedAttempt) {
        int doublings = Math.min(failedAttempt - 1, 20);
        return settings.firstBackoff().multipliedBy(1L << doublings);
    }

    /** The Retry-After wait (seconds or HTTP date), capped by maxRetryAfter; the backoff when absent or unreadable. */
    private Duration retryAfter(HttpResponse<?> response, int failedAttempt) {
        String header = response.headers().firstValue("Retry-After").orElse("").trim();
        Duration wait = null;
        if (header.matches("\\d{1,9}")) {
            wait = Duration.ofSeconds(Long.parseLong(header));
        } else if (!header.isEmpty()) {
            try {
                Instant at = ZonedDateTime.parse(header, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                wait = Duration.between(clock.instant(), at);
                if (wait.isNegative()) {
                    wait = Duration.ZERO;
                }
            } catch (DateTimeParseException e) {
                // unreadable: use the backoff
            }
        }
        if (wait == null) {
            wait = backoff(failedAttempt);
        }
        return wait.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : wait;
    }

    // ---- responses ----

    private JsonNode readData(String description, HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body();
        if (status < 200 || status >= 300) {
            throw new GazelleApiException(description, "Gazelle refuse la requête " + description + " (HTTP " + status
                    + ")" + (body.isBlank() ? "." : " : " + excerpt(body)));
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JacksonException e) {
            throw new GazelleApiException(description, "Réponse illisible de Gazelle pour " + description
                    + " (JSON invalide ou tronqué, " + body.length() + " caractères reçus).", e);
        }
        if (root == null || !root.isObject()) {
            throw new GazelleApiException(description, "Réponse illisible de Gazelle pour " + description
                    + " (un objet JSON est attendu).");
        }
        JsonNode errors = root.get("errors");
        if (errors != null && !errors.isNull() && !(errors.isArray() && errors.size() == 0)) {
            throw new GazelleApiException(description, "Gazelle signale des erreurs pour " + description + " : "
                    + graphQlMessages(errors));
        }
        JsonNode data = root.get("data");
        if (data == null || data.isNull() || data.isMissingNode()) {
            throw new GazelleApiException(description, "Réponse de Gazelle sans données (« data » absent) pour "
                    + description + ".");
        }
        return data;
    }

    private String graphQlMessages(JsonNode errors) {
        List<String> messages = new ArrayList<>();
        Iterable<JsonNode> items = errors.isArray() ? errors.values() : List.of(errors);
        int count = 0;
        for (JsonNode error : items) {
            count++;
            if (messages.size() < MAX_QUOTED_ERRORS) {
                JsonNode message = error.get("message");
                messages.add(excerpt(message != null && message.isString() ? message.stringValue() : error.toString()));
            }
        }
        String joined = String.join(" ; ", messages);
        return count > messages.size() ? joined + " (et " + (count - messages.size()) + " autres)" : joined;
    }

    private String excerpt(String text) {
        String flat = scrub(text).replaceAll("\\s+", " ").trim();
        return flat.length() <= EXCERPT_LENGTH ? flat : flat.substring(0, EXCERPT_LENGTH) + "…";
    }

    /** Removes any known secret from a text that came from outside (a body, an error message). */
    private String scrub(String text) {
        String result = text;
        List<String> secrets = new ArrayList<>();
        secrets.add(settings.clientSecret());
        synchronized (tokenLock) {
            for (OAuthToken token : new OAuthToken[] {current, previous}) {
                if (token != null) {
                    secrets.add(token.accessToken());
                    secrets.add(token.refreshToken());
                }
            }
        }
        for (String secret : secrets) {
            if (!isBlank(secret) && secret.length() >= 4) {
                result = result.replace(secret, MASKED);
            }
        }
        return result;
    }

    private static String formEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
