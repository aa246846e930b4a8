package ca.ptm.nocturne.gazelle;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.gazelle.api.JdbcTokenStore;
import ca.ptm.nocturne.gazelle.api.OAuthToken;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.TestDatabase;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Gazelle token in system_settings, as the dashboard stores it: a jsonb string holding the token object. */
@NocturneIntegrationTest
class JdbcTokenStoreIntegrationTest {

    static final OAuthToken ENVIRONMENT = new OAuthToken("acces-environnement-0123456789", "renouvellement-environnement-0123456789",
            2_592_000L, Instant.parse("2026-10-01T00:00:00Z"));
    static final OAuthToken REFRESHED = new OAuthToken("acces-neuf-9876543210", "renouvellement-neuf-9876543210",
            2_592_000L, Instant.parse("2026-11-20T08:30:00Z"));

    final JsonMapper mapper = JsonMapper.builder().build();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    @BeforeEach
    void clean() {
        TestDatabase.clean(jdbc);
    }

    private JdbcTokenStore store(OAuthToken fromEnvironment) {
        return new JdbcTokenStore(jdbc, transactionManager, mapper, fromEnvironment);
    }

    @Test
    void aSavedTokenLoadsBackEqual() {
        JdbcTokenStore store = store(ENVIRONMENT);

        store.save(REFRESHED);

        assertThat(store.load()).contains(REFRESHED);
        assertThat(store(null).load()).as("another store, as the next step's client").contains(REFRESHED);
    }

    @Test
    void aSecondSaveReplacesTheFirst() {
        JdbcTokenStore store = store(null);
        store.save(ENVIRONMENT);

        store.save(REFRESHED);

        assertThat(store.load()).contains(REFRESHED);
        assertThat(TestDatabase.count(jdbc, "system_settings")).isEqualTo(1);
    }

    @Test
    void theStoredValueIsAJsonbStringHoldingTheTokenObject() {
        store(null).save(REFRESHED);

        assertThat(jdbc.queryForObject("SELECT jsonb_typeof(value) FROM system_settings WHERE key = ?", String.class,
                JdbcTokenStore.KEY)).isEqualTo("string");
        String inner = jdbc.queryForObject("SELECT value #>> '{}' FROM system_settings WHERE key = ?", String.class, JdbcTokenStore.KEY);
        JsonNode token = mapper.readTree(inner);
        assertThat(token.isObject()).isTrue();
        assertThat(token.path("access_token").asString()).isEqualTo("acces-neuf-9876543210");
        assertThat(token.path("refresh_token").asString()).isEqualTo("renouvellement-neuf-9876543210");
        assertThat(token.path("expires_in").asLong()).isEqualTo(2_592_000L);
        assertThat(token.path("created_at").asLong()).isEqualTo(REFRESHED.createdAt().getEpochSecond());
    }

    @Test
    void aTokenTheDashboardStoredAsAStringIsRead() {
        jdbc.update("INSERT INTO system_settings (key, value) VALUES (?, to_jsonb(?::text))", JdbcTokenStore.KEY,
                "{\"access_token\":\"acces-tableau-0123456789\",\"refresh_token\":\"renouvellement-tableau-0123456789\","
                        + "\"expires_in\":2592000,\"created_at\":\"2026-11-01T12:00:00Z\"}");

        assertThat(store(ENVIRONMENT).load()).contains(new OAuthToken("acces-tableau-0123456789",
                "renouvellement-tableau-0123456789", 2_592_000L, Instant.parse("2026-11-01T12:00:00Z")));
    }

    @Test
    void withoutARowTheEnvironmentTokenIsReturned() {
        assertThat(store(ENVIRONMENT).load()).contains(ENVIRONMENT);
        assertThat(store(null).load()).isEmpty();
    }

    @Test
    void aRowHoldingNullFallsBackToTheEnvironmentToken() {
        jdbc.update("INSERT INTO system_settings (key, value) VALUES (?, NULL)", JdbcTokenStore.KEY);
        assertThat(store(ENVIRONMENT).load()).contains(ENVIRONMENT);

        jdbc.update("UPDATE system_settings SET value = 'null'::jsonb WHERE key = ?", JdbcTokenStore.KEY);
        assertThat(store(ENVIRONMENT).load()).contains(ENVIRONMENT);
    }

    @Test
    void aSaveInsideATransactionThatRollsBackIsKept() {
        JdbcTokenStore store = store(null);
        TransactionTemplate chunk = new TransactionTemplate(transactionManager);

        chunk.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO sync_logs (sync_type, status) VALUES ('gazelle_nightly', 'running')");
            store.save(REFRESHED);
            status.setRollbackOnly();
        });

        assertThat(TestDatabase.count(jdbc, "sync_logs")).as("the chunk's own write is rolled back").isZero();
        assertThat(store.load()).contains(REFRESHED);
    }

    @Test
    void aSaveInsideATransactionThatFailsIsKeptWithTheStoresOwnTransactionManager() {
        JdbcTokenStore store = new JdbcTokenStore(jdbc, mapper, null);
        TransactionTemplate chunk = new TransactionTemplate(transactionManager);

        try {
            chunk.executeWithoutResult(status -> {
                store.save(REFRESHED);
                throw new IllegalStateException("la page suivante a échoué");
            });
        } catch (IllegalStateException expected) {
            // the chunk rolls back
        }

        assertThat(store.load()).contains(REFRESHED);
    }
}
