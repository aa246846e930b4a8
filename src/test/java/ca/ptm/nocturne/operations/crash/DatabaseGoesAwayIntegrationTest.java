package ca.ptm.nocturne.operations.crash;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.operations.SyncOptions;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.SampleInbox;
import ca.ptm.nocturne.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
        while (System.currentTimeMillis() < deadline && runningSteps("gazelle-timeline") == 0 && !night.isDone()) {
            Thread.sleep(10);
        }
        int cut = jdbc.queryForObject("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                + "WHERE pid <> pg_backend_pid() AND datname = current_database() AND backend_type = 'client backend'", Integer.class);
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
                + "WHERE job_execution_id = ? AND status = 'FAILED'", String.class, after.getId());
        assertThat(failure).as("the step says the database went away")
                .containsAnyOf("connection", "Connection", "coupure de la base de données");

        JobExecution restarted = launches.restart(after.getId());

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(TableChecksums.of(jdbc)).isEqualTo(expected);
    }

    private int runningSteps(String name) {
        return jdbc.queryForObject("SELECT count(*) FROM batch.batch_step_execution WHERE step_name = ? AND status = 'STARTED'",
                Integer.class, name);
    }
}
