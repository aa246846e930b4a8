package ca.ptm.nocturne.operations.crash;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.operations.SyncOptions;
import ca.ptm.nocturne.support.ChildNocturne;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.SampleInbox;
import ca.ptm.nocturne.support.TableChecksums;
import ca.ptm.nocturne.support.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The crash harness: the nightly pipeline runs in a child JVM against this test's PostgreSQL and is killed with
 * SIGKILL at a random moment (repeatable with a seed); the stuck execution is recovered and restarted, and every
 * business table must then equal a clean run's, row for row. The short version runs in CI; the long one with
 * {@code -Dnocturne.crash.points=20}.
 */
@NocturneIntegrationTest
class CrashRestartIntegrationTest {

    static final LocalDate NIGHT = LocalDate.of(2026, 1, 20);
    static final int POINTS = Integer.getInteger("nocturne.crash.points", 4);
    static final long SEED = Long.getLong("nocturne.crash.seed", 20261124L);

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
    void inputs() throws IOException {
        TestDatabase.clean(jdbc);
        inbox = SampleInbox.withSamples(temp).path();
        exports = Files.createDirectories(temp.resolve("gazelle"));
        ScaledSamples.write(inbox, exports);
    }

    @Test
    void aNightKilledAtAnyMomentIsRecoveredAndRestartedToTheTablesOfACleanRun() throws Exception {
        JobExecution clean = launches.runNightly(NIGHT, inbox.toString(), null, new SyncOptions("files", exports.toString(), false));
        assertThat(clean.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, String> expected = TableChecksums.of(jdbc);
        long cleanMillis = Duration.between(clean.getStartTime(), clean.getEndTime()).toMillis();

        Random random = new Random(SEED);
        List<String> killedIn = new ArrayList<>();
        for (int point = 0; point < POINTS; point++) {
            TestDatabase.clean(jdbc);
            Process child = startNight();
            awaitStarted(child);
            Thread.sleep(random.nextInt((int) Math.max(50, cleanMillis)));
            killedIn.add(runningStep());
            child.destroyForcibly().waitFor();

            finishAfterCrash();

            assertThat(TableChecksums.of(jdbc)).as("kill point %d (%s)", point, killedIn.get(point)).isEqualTo(expected);
        }
        System.out.println("Crash harness: " + POINTS + " kill points survived, seed " + SEED + ", killed in " + killedIn);
    }

    private void finishAfterCrash() throws Exception {
        JobExecution stuck = launches.night(NIGHT).orElse(null);
        if (stuck == null) {
            launches.runNightly(NIGHT, inbox.toString(), null, new SyncOptions("files", exports.toString(), false));
            return;
        }
        if (stuck.getStatus().isRunning()) {
            launches.recover(stuck.getId());
        }
        JobExecution last = launches.night(NIGHT).orElseThrow();
        if (last.getStatus() != BatchStatus.COMPLETED) {
            JobExecution restarted = launches.restart(last.getId());
            assertThat(restarted.getStatus()).as(restarted.getExitStatus().getExitDescription()).isEqualTo(BatchStatus.COMPLETED);
        }
    }

    private Process startNight() throws IOException {
        return ChildNocturne.start(dataSource, temp.resolve("child.log"), Map.of(
                        "NOCTURNE_MAIL_OUTBOX", temp.resolve("outbox").toString(),
                        "NOCTURNE_REPORTS_OUTPUT_DIR", temp.resolve("reports").toString()),
                "run", "nightly", "--date=" + NIGHT, "--dir=" + inbox, "--source=files", "--gazelle-dir=" + exports);
    }

    /** Waits until the child has created the night's execution, so the kill lands inside the pipeline. */
    private void awaitStarted(Process child) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline && child.isAlive()) {
            Integer started = jdbc.queryForObject("SELECT count(*) FROM batch.batch_job_execution", Integer.class);
            if (started != null && started > 0) {
                return;
            }
            Thread.sleep(20);
        }
        if (!child.isAlive()) {
            throw new AssertionError("The child JVM ended before the night started:\n"
                    + Files.readString(temp.resolve("child.log"), StandardCharsets.UTF_8));
        }
    }

    private String runningStep() {
        List<String> running = jdbc.queryForList("SELECT step_name FROM batch.batch_step_execution WHERE status = 'STARTED'",
                String.class);
        return running.isEmpty() ? "between steps" : running.get(0);
    }
}
