package ca.ptm.nocturne.operations.crash;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.operations.SyncOptions;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.SampleInbox;
import ca.ptm.nocturne.support.TableChecksums;
import ca.ptm.nocturne.support.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database drops every connection in the middle of a night (a restart of the server, a network cut): the step
 * fails with the server's message, and the restart completes with the tables of a clean run.
 */
@NocturneIntegrationTest
class DatabaseGoesAwayIntegrationTest {

    static final LocalDate NIGHT = LocalDate.of(2026, 1, 21);

    @Autowired
    JobLaunches launches;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @TempDir
    Path temp;

    Path inbox;
    Path exports;

    @BeforeEach
    void inputs() throws Exception {
        TestDatabase.clean(jdbc);
        inbox = SampleInbox.withSamples(temp).path();
        exports = Files.createDirectories(temp.resolve("gazelle"));
        ScaledSamples.write(inbox, exports);
    }

    @Test
    void aNightWhoseConnectionsAreCutFailsClearlyAndTheRestartCompletesIt() throws Exception {
        JobExecution clean = launches.runNightly(NIGHT, inbox.toString(), null, new SyncOptions("files", exports.toString(), false));
        assertThat(clean.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, String> expected = TableChecksums.of(jdbc);
        TestDatabase.clean(jdbc);

        CompletableFuture<JobExecution> night = BackgroundNight.launch(launches, NIGHT, inbox, exports);
        long deadline = System.currentTimeMillis() + 60_000;
        int cut = 0;
        // The watcher has a connection of its own, outside the pool it cuts.
        HikariDataSource pool = (HikariDataSource) dataSource;
        try (Connection watcher = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword())) {
            while (System.currentTimeMillis() < deadline && runningSteps(watcher, "gazelle-timeline-slice:files") == 0 && !night.isDone()) {
                Thread.sleep(5);
            }
            // A chunk of the timeline takes milliseconds: watch for a transaction in flight and cut its connection
            // (then every other one); the step's failure is then recorded on fresh connections.
            while (cut == 0 && System.currentTimeMillis() < deadline && runningSteps(watcher, "gazelle-timeline-slice:files") > 0
                    && !night.isDone()) {
                if (count(watcher, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
                        + "AND datname = current_database() AND backend_type = 'client backend' "
                        + "AND state IN ('active', 'idle in transaction')") > 0) {
                    cut = count(watcher, "SELECT 1 + count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
                            + "AND datname = current_database() AND backend_type = 'client backend'");
                }
            }
        }
        assertThat(cut).as("connections cut while the night ran").isPositive();
        try {
            night.get(120, TimeUnit.SECONDS);
        } catch (Exception failedLaunch) {
            // the launch itself may die with the connection; the job repository says what state it left
        }

        JobExecution after = launches.night(NIGHT).orElseThrow();
        if (after.getStatus().isRunning() || after.getStatus() == BatchStatus.UNKNOWN) {
            after = launches.recover(after.getId());
        }
        assertThat(after.getStatus()).isEqualTo(BatchStatus.FAILED);
        String failure = jdbc.queryForObject("SELECT string_agg(exit_message, ' ') FROM batch.batch_step_execution "
                + "WHERE job_execution_id = ? AND status IN ('FAILED', 'UNKNOWN')", String.class, after.getId());
        List<String> steps = jdbc.queryForList("SELECT step_name || ' ' || status || ' ' || coalesce(left(exit_message, 120), '') "
                + "FROM batch.batch_step_execution WHERE job_execution_id = ? ORDER BY step_execution_id", String.class, after.getId());
        assertThat(failure).as("the step says the database went away; steps: %s", steps)
                .containsAnyOf("connection", "Connection", "coupure de la base de données");

        JobExecution restarted = launches.restart(after.getId());

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(TableChecksums.of(jdbc)).isEqualTo(expected);
    }

    private static int runningSteps(Connection connection, String name) throws SQLException {
        return count(connection, "SELECT count(*) FROM batch.batch_step_execution WHERE step_name = '" + name + "' AND status = 'STARTED'");
    }

    private static int count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }
}
