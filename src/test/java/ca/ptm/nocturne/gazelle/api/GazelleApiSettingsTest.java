package ca.ptm.nocturne.gazelle.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class GazelleApiSettingsTest {

    @Test
    void defaultsFollowTheProposedPolicy() {
        GazelleApiSettings settings = GazelleApiSettings.defaults(URI.create("https://g.example/graphql/private/"),
                URI.create("https://g.example/developer/oauth/token"));

        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.maxAttempts()).isEqualTo(3);
        assertThat(settings.firstBackoff()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.maxRetryAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.refreshAhead()).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void toStringHidesTheClientSecret() {
        GazelleApiSettings settings = GazelleApiSettings.defaults(URI.create("https://g.example/graphql/private/"),
                URI.create("https://g.example/developer/oauth/token")).withClient("nocturne-id", "s3cr3t-client-value");

        assertThat(settings.toString()).doesNotContain("s3cr3t-client-value").contains("nocturne-id").contains("(masqué)");
    }
}
