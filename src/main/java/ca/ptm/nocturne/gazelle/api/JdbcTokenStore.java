package ca.ptm.nocturne.gazelle.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The token in system_settings, key {@value #KEY}, stored as a jsonb string that itself contains the token object.
 * Falls back to the token given by the environment while the table has none. {@link #save} commits in its own short
 * transaction, so a refreshed token survives a chunk that fails and rolls back.
 */
public class JdbcTokenStore implements TokenStore {

    public static final String KEY = "gazelle_oauth_token";

    private static final String SELECT = "SELECT value::text FROM system_settings WHERE key = ?";
    private static final String UPSERT = "INSERT INTO system_settings (key, value, updated_at) VALUES (?, ?::jsonb, now()) "
            + "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()";

    private static final ReentrantLock IN_THIS_PROCESS = new ReentrantLock();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate requiresNew;
    /** No timeout: it lasts as long as a refresh, retries included. */
    private final TransactionTemplate lockHolder;
    private final JsonMapper mapper;
    private final OAuthToken fromEnvironment;

    /** Uses a DataSourceTransactionManager on the JdbcTemplate's DataSource. */
    public JdbcTokenStore(JdbcTemplate jdbc, JsonMapper mapper, OAuthToken fromEnvironment) {
        this(jdbc, new DataSourceTransactionManager(Objects.requireNonNull(jdbc.getDataSource(), "dataSource")), mapper,
                fromEnvironment);
    }

    /** @param fromEnvironment the token given by the environment, or null */
    public JdbcTokenStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, JsonMapper mapper,
                          OAuthToken fromEnvironment) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.fromEnvironment = fromEnvironment;
        this.requiresNew = new TransactionTemplate(Objects.requireNonNull(transactionManager, "transactionManager"));
        this.requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.requiresNew.setTimeout(30);
        this.lockHolder = new TransactionTemplate(transactionManager);
        this.lockHolder.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public Optional<OAuthToken> load() {
        List<String> values = jdbc.queryForList(SELECT, String.class, KEY);
        if (values.isEmpty() || values.get(0) == null || "null".equals(values.get(0).trim())) {
            return Optional.ofNullable(fromEnvironment);
        }
        return Optional.of(OAuthToken.fromStoredValue(values.get(0), mapper));
    }

    @Override
    public void save(OAuthToken token) {
        Objects.requireNonNull(token, "token");
        String stored = token.toStoredValue(mapper);
        requiresNew.executeWithoutResult(status -> jdbc.update(UPSERT, KEY, stored));
    }

    /**
     * Holds a transaction-scoped advisory lock on the token while {@code work} runs, so the partitions of the timeline
     * (threads) and remote workers (processes) refresh one at a time; each reloads the token first and uses the one a
     * previous holder saved. {@link #save} still commits on its own inside.
     */
    @Override
    public <T> T exclusively(Supplier<T> work) {
        // Threads of this process queue here, holding no connection: each partition's thread already holds its chunk's,
        // and waiting on the advisory lock with a second one each could empty the pool.
        IN_THIS_PROCESS.lock();
        try {
            return lockHolder.execute(status -> {
                jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtext(?))::text", String.class, KEY);
                return work.get();
            });
        } finally {
            IN_THIS_PROCESS.unlock();
        }
    }

    @Override
    public String toString() {
        return "JdbcTokenStore[key=" + KEY + ", fromEnvironment=" + fromEnvironment + "]";
    }
}
