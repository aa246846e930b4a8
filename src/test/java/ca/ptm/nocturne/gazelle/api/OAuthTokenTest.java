package ca.ptm.nocturne.gazelle.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OAuthTokenTest {

    private static final String ACCESS = "accTOKENvalue0123456789";
    private static final String REFRESH = "refTOKENvalue9876543210";

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void readsTheDoubleEncodedStoredValue() {
        String inner = "{\"access_token\":\"" + ACCESS + "\",\"refresh_token\":\"" + REFRESH
                + "\",\"expires_in\":2592000,\"created_at\":1760000000,\"token_type\":\"Bearer\"}";
        String stored = mapper.writeValueAsString(inner); // a JSON string containing JSON, as in system_settings

        OAuthToken token = OAuthToken.fromStoredValue(stored, mapper);

        assertThat(token.accessToken()).isEqualTo(ACCESS);
        assertThat(token.refreshToken()).isEqualTo(REFRESH);
        assertThat(token.expiresIn()).isEqualTo(2_592_000L);
        assertThat(token.createdAt()).isEqualTo(Instant.ofEpochSecond(1_760_000_000L));
    }

    @Test
    void readsAPlainObjectWithAnIsoCreatedAt() {
        String stored = "{\"access_token\":\"" + ACCESS + "\",\"refresh_token\":\"" + REFRESH
                + "\",\"expires_in\":\"2592000\",\"created_at\":\"2026-03-01T12:00:00Z\"}";

        OAuthToken token = OAuthToken.fromStoredValue(stored, mapper);

        assertThat(token.expiresIn()).isEqualTo(2_592_000L);
        assertThat(token.createdAt()).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
    }

    @Test
    void readsCreatedAtGivenAsANumericString() {
        String stored = "{\"access_token\":\"" + ACCESS + "\",\"refresh_token\":\"" + REFRESH
                + "\",\"expires_in\":10,\"created_at\":\"1760000000\"}";

        assertThat(OAuthToken.fromStoredValue(stored, mapper).createdAt()).isEqualTo(Instant.ofEpochSecond(1_760_000_000L));
    }

    @Test
    void aMissingCreatedAtMakesTheTokenDueForRefresh() {
        String stored = "{\"access_token\":\"" + ACCESS + "\",\"refresh_token\":\"" + REFRESH + "\",\"expires_in\":2592000}";

        OAuthToken token = OAuthToken.fromStoredValue(stored, mapper);

        assertThat(token.createdAt()).isEqualTo(Instant.EPOCH);
        assertThat(token.expiresWithin(Duration.ofDays(3), Instant.now())).isTrue();
    }

    @Test
    void roundTripsThroughTheDoubleEncodedForm() {
        OAuthToken token = new OAuthToken(ACCESS, REFRESH, 2_592_000L, Instant.ofEpochSecond(1_760_000_000L));

        String stored = token.toStoredValue(mapper);

        JsonNode once = mapper.readTree(stored);
        assertThat(once.isString()).isTrue();
        JsonNode twice = mapper.readTree(once.stringValue());
        assertThat(twice.get("access_token").stringValue()).isEqualTo(ACCESS);
        assertThat(twice.get("created_at").asLong()).isEqualTo(1_760_000_000L);
        assertThat(OAuthToken.fromStoredValue(stored, mapper)).isEqualTo(token);
    }

    @Test
    void toStringMasksBothTokens() {
        OAuthToken token = new OAuthToken(ACCESS, REFRESH, 2_592_000L, Instant.ofEpochSecond(1_760_000_000L));

        assertThat(token.toString())
                .doesNotContain(ACCESS).doesNotContain(REFRESH)
                .contains("acc…(masqué)").contains("ref…(masqué)").contains("2592000");
    }

    @Test
    void expiresWithinComparesTheExpiryWithTheMargin() {
        Instant created = Instant.parse("2026-01-01T00:00:00Z");
        OAuthToken token = new OAuthToken(ACCESS, REFRESH, Duration.ofDays(30).toSeconds(), created);

        assertThat(token.expiresWithin(Duration.ofDays(3), created.plus(Duration.ofDays(26)))).isFalse();
        assertThat(token.expiresWithin(Duration.ofDays(3), created.plus(Duration.ofDays(27)))).isTrue();
        assertThat(token.expiresWithin(Duration.ZERO, created.plus(Duration.ofDays(31)))).isTrue();
    }

    @Test
    void anUnreadableValueIsRefusedWithoutQuotingIt() {
        String stored = "{\"access_token\":\"" + ACCESS + "\",\"refresh_token\":";

        assertThatThrownBy(() -> OAuthToken.fromStoredValue(stored, mapper))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("illisible")
                .hasNoCause()
                .message().doesNotContain(ACCESS);
    }

    @Test
    void aTokenWithoutRefreshTokenIsRefused() {
        String stored = "{\"access_token\":\"" + ACCESS + "\",\"expires_in\":10,\"created_at\":1}";

        assertThatThrownBy(() -> OAuthToken.fromStoredValue(stored, mapper))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refresh_token");
    }
}
