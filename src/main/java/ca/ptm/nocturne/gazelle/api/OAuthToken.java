package ca.ptm.nocturne.gazelle.api;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Gazelle OAuth token. {@link #toString()} masks both tokens.
 *
 * @param expiresIn lifetime in seconds from {@code createdAt} (Gazelle: 2592000 s, 30 days)
 * @param createdAt when the token was issued; {@link Instant#EPOCH} when unknown, so that it is refreshed at once
 */
public record OAuthToken(String accessToken, String refreshToken, long expiresIn, Instant createdAt) {

    public OAuthToken {
        requireText(accessToken, "access_token");
        requireText(refreshToken, "refresh_token");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Gazelle's lifetime of an access token, assumed when an answer does not say (README of the schema: never seen otherwise). */
    static final long DEFAULT_EXPIRES_IN = 2_592_000L;
    /** A creation time this far ahead of our clock is not a clock skew but a wrong value. */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    public Instant expiresAt() {
        return createdAt.plusSeconds(expiresIn);
    }

    /** True when the token is expired or expires within {@code margin} from {@code now}. */
    public boolean expiresWithin(Duration margin, Instant now) {
        return !expiresAt().isAfter(now.plus(margin));
    }

    /**
     * True when {@code createdAt} cannot be trusted: missing (read as {@link Instant#EPOCH}), zero or negative, or in
     * the future. Such a token would be refreshed on every call, or never.
     */
    public boolean hasDoubtfulCreation(Instant now) {
        return !createdAt.isAfter(Instant.EPOCH) || createdAt.isAfter(now.plus(FUTURE_TOLERANCE));
    }

    /** The same token, taken as created at {@code now}. */
    public OAuthToken createdAt(Instant now) {
        return new OAuthToken(accessToken, refreshToken, expiresIn, now);
    }

    /**
     * Reads the value stored in system_settings (the jsonb as text): a JSON string whose content is the token object
     * ("parse twice"), or directly the token object. {@code created_at} may be epoch seconds or ISO-8601.
     *
     * @throws IllegalArgumentException when the value cannot be read (the message never quotes the value)
     */
    public static OAuthToken fromStoredValue(String jsonbText, JsonMapper mapper) {
        if (jsonbText == null || jsonbText.isBlank()) {
            throw new IllegalArgumentException("Jeton Gazelle stocké vide.");
        }
        JsonNode node = readJson(jsonbText, mapper);
        if (node.isString()) {
            node = readJson(node.stringValue(), mapper);
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("Jeton Gazelle stocké illisible : un objet JSON est attendu.");
        }
        return fromJson(node, null, Instant.EPOCH);
    }

    /**
     * Reads a token object as returned by the OAuth token endpoint. A missing refresh_token keeps
     * {@code previousRefreshToken}; a missing created_at becomes {@code defaultCreatedAt}.
     */
    static OAuthToken fromJson(JsonNode node, String previousRefreshToken, Instant defaultCreatedAt) {
        String access = text(node.get("access_token"));
        String refresh = text(node.get("refresh_token"));
        if (refresh == null) {
            refresh = previousRefreshToken;
        }
        if (access == null || refresh == null) {
            throw new IllegalArgumentException("Jeton Gazelle incomplet : access_token ou refresh_token manquant.");
        }
        long expiresIn = readLong(node.get("expires_in"), "expires_in", DEFAULT_EXPIRES_IN);
        Instant createdAt = readInstant(node.get("created_at"), defaultCreatedAt);
        return new OAuthToken(access, refresh, expiresIn, createdAt);
    }

    /** The value to store in system_settings: a JSON string containing the token object (double-encoded). */
    public String toStoredValue(JsonMapper mapper) {
        ObjectNode object = mapper.createObjectNode();
        object.put("access_token", accessToken);
        object.put("refresh_token", refreshToken);
        object.put("expires_in", expiresIn);
        object.put("created_at", createdAt.getEpochSecond());
        return mapper.writeValueAsString(mapper.writeValueAsString(object));
    }

    @Override
    public String toString() {
        return "OAuthToken[accessToken=" + mask(accessToken) + ", refreshToken=" + mask(refreshToken)
                + ", expiresIn=" + expiresIn + ", createdAt=" + createdAt + "]";
    }

    /** "acc…(masqué)": the first three characters only, and only for a token long enough for them not to matter. */
    static String mask(String secret) {
        if (secret == null) {
            return "null";
        }
        return secret.length() >= 12 ? secret.substring(0, 3) + "…(masqué)" : "…(masqué)";
    }

    private static JsonNode readJson(String text, JsonMapper mapper) {
        try {
            return mapper.readTree(text);
        } catch (JacksonException e) {
            // The parser's message may quote the token: do not chain it.
            throw new IllegalArgumentException("Jeton Gazelle stocké illisible : JSON invalide.");
        }
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || !node.isString() || node.stringValue().isBlank()) {
            return null;
        }
        return node.stringValue();
    }

    private static long readLong(JsonNode node, String name, long absent) {
        if (node == null || node.isNull()) {
            return absent;
        }
        if (node.isNumber() && node.canConvertToLong()) {
            return node.asLong();
        }
        if (node.isString()) {
            try {
                return Long.parseLong(node.stringValue().trim());
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw new IllegalArgumentException("Jeton Gazelle illisible : " + name + " n'est pas un nombre.");
    }

    private static Instant readInstant(JsonNode node, Instant absent) {
        if (node == null || node.isNull()) {
            return absent;
        }
        if (node.isNumber()) {
            return Instant.ofEpochSecond(readLong(node, "created_at", 0));
        }
        if (node.isString()) {
            String value = node.stringValue().trim();
            if (value.matches("-?\\d+")) {
                return Instant.ofEpochSecond(Long.parseLong(value));
            }
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    return Instant.parse(value);
                } catch (DateTimeParseException e2) {
                    // fall through
                }
            }
        }
        throw new IllegalArgumentException("Jeton Gazelle illisible : created_at n'est ni un nombre de secondes ni une date ISO.");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Jeton Gazelle incomplet : " + name + " manquant.");
        }
    }
}
