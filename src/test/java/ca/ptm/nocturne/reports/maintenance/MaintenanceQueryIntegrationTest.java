package ca.ptm.nocturne.reports.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.reports.ReportsConfiguration;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/** The log is streamed in print order: institutions in French order whatever the database's collation, newest first. */
@NocturneIntegrationTest
class MaintenanceQueryIntegrationTest {

    static final LocalDate FROM = LocalDate.of(2026, 10, 25);
    static final LocalDate TO = LocalDate.of(2026, 11, 23);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void data() {
        TestDatabase.clean(jdbc);
        // byte order (C collation) would put "Ensemble" and "Place" before "École" and "Église"
        jdbc.update("""
                INSERT INTO gazelle_clients (external_id, company_name, tags) VALUES
                    ('cli_p', 'Place des Arts', '{institutional}'), ('cli_en', 'Ensemble Arion', '{institutional}'),
                    ('cli_eg', 'Église Saint-Jean', '{institutional}'), ('cli_ec', 'École de musique', '{Institutional }'),
                    ('cli_home', 'Famille Tremblay', NULL)""");
        jdbc.update("""
                INSERT INTO gazelle_timeline_entries (external_id, client_id, occurred_at, occurred_date, entry_type, title)
                SELECT 'tme_' || c || '_' || d, c, (DATE '2026-11-01' + d) + time '10:00', DATE '2026-11-01' + d,
                       'SERVICE_ENTRY_MANUAL', 'Accord ' || d
                FROM unnest(ARRAY['cli_p', 'cli_en', 'cli_eg', 'cli_ec', 'cli_home']) AS c, generate_series(0, 2) AS d""");
    }

    @Test
    void streamsInstitutionByInstitutionInFrenchOrderNewestFirst() {
        MaintenanceQuery query = new MaintenanceQuery(jdbc);
        List<MaintenanceRow> rows = ReportsConfiguration.readingTransaction(transactions).execute(status -> {
            try (Stream<MaintenanceRow> entries = query.entries(FROM, TO)) {
                return entries.toList();
            }
        });

        assertThat(rows).extracting(r -> r.institution() + " " + r.date().getDayOfMonth()).containsExactly(
                "École de musique 3", "École de musique 2", "École de musique 1",
                "Église Saint-Jean 3", "Église Saint-Jean 2", "Église Saint-Jean 1",
                "Ensemble Arion 3", "Ensemble Arion 2", "Ensemble Arion 1",
                "Place des Arts 3", "Place des Arts 2", "Place des Arts 1");
    }

    /** PostgreSQL streams a result set only with a fetch size and autocommit off; otherwise it reads it all first. */
    @Test
    void readsThroughACursorInsideTheReadingTransaction() {
        StatementProbe probe = new StatementProbe();
        DataSource probed = probe.wrap(dataSource);
        MaintenanceQuery query = new MaintenanceQuery(new JdbcTemplate(probed));

        String first = ReportsConfiguration.readingTransaction(new JdbcTransactionManager(probed)).execute(status -> {
            try (Stream<MaintenanceRow> entries = query.entries(FROM, TO)) {
                return entries.findFirst().orElseThrow().institution();
            }
        });

        assertThat(first).isEqualTo("École de musique");
        assertThat(probe.lastFetchSize).isEqualTo(MaintenanceQuery.FETCH_SIZE);
        assertThat(probe.lastAutoCommit).isFalse();
    }

    /** Records, for the last query executed, the statement's fetch size and the connection's autocommit. */
    static final class StatementProbe {
        volatile Integer lastFetchSize;
        volatile Boolean lastAutoCommit;

        DataSource wrap(DataSource real) {
            return proxy(DataSource.class, real, (method, result) ->
                    method.equals("getConnection") ? connection((Connection) result) : result);
        }

        private Connection connection(Connection real) {
            return proxy(Connection.class, real, (method, result) ->
                    method.equals("prepareStatement") ? statement((PreparedStatement) result, real) : result);
        }

        private PreparedStatement statement(PreparedStatement real, Connection connection) {
            return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("executeQuery")) {
                            lastFetchSize = real.getFetchSize();
                            lastAutoCommit = connection.getAutoCommit();
                        }
                        return invoke(real, method, args);
                    });
        }

        interface Rewrap {
            Object apply(String method, Object result);
        }

        private static <T> T proxy(Class<T> type, T real, Rewrap rewrap) {
            return type.cast(Proxy.newProxyInstance(StatementProbe.class.getClassLoader(), new Class<?>[] {type},
                    (proxy, method, args) -> rewrap.apply(method.getName(), invoke(real, method, args))));
        }

        private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
