package ca.ptm.nocturne.gazelle;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.operations.SyncOptions;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.Steps;
import ca.ptm.nocturne.support.TestDatabase;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The live schema is checked before anything is written: a required column production lacks fails the run at once,
 * named; an optional one is simply not written. Each test puts back the column it drops, as other test classes
 * share this database.
 */
@NocturneIntegrationTest
class SchemaDriftIntegrationTest {

    static final LocalDate RUN_DATE = LocalDate.of(2026, 3, 1);
    static final SyncOptions SAMPLES = new SyncOptions("files", Path.of("jobs/samples/gazelle").toString(), false);

    @Autowired
    JobLaunches launches;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void clean() {
        TestDatabase.clean(jdbc);
    }

    @AfterEach
    void restoreColumns() {
        jdbc.execute("ALTER TABLE gazelle_clients ADD COLUMN IF NOT EXISTS postal_code text");
        jdbc.execute("ALTER TABLE gazelle_clients ADD COLUMN IF NOT EXISTS wants_email boolean");
        jdbc.execute("ALTER TABLE gazelle_clients ADD COLUMN IF NOT EXISTS client_type text");
        TestDatabase.clean(jdbc);
    }

    @Test
    void aMissingRequiredColumnFailsTheSchemaCheckNamingItAndWritesNothing() throws Exception {
        jdbc.execute("ALTER TABLE gazelle_clients DROP COLUMN postal_code");
        try {
            JobExecution execution = launches.runGazelleSync(RUN_DATE, SAMPLES);

            assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(Steps.named(execution, "gazelle-schema-check").getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(Steps.named(execution, "gazelle-schema-check").getExitStatus().getExitDescription())
                    .contains("gazelle_clients.postal_code")
                    .contains("colonnes manquantes")
                    .contains("Rien n'a été écrit");
            assertThat(execution.getStepExecutions()).extracting(s -> s.getStepName()).containsExactly("gazelle-schema-check");
            assertThat(TestDatabase.count(jdbc, "gazelle_clients")).isZero();
            assertThat(TestDatabase.count(jdbc, "gazelle_pianos")).isZero();
            assertThat(TestDatabase.count(jdbc, "sync_logs")).isZero();
        } finally {
            jdbc.execute("ALTER TABLE gazelle_clients ADD COLUMN IF NOT EXISTS postal_code text");
        }
    }

    @Test
    void withTheColumnBackTheSameSyncRuns() throws Exception {
        jdbc.execute("ALTER TABLE gazelle_clients DROP COLUMN postal_code");
        JobExecution failed = launches.runGazelleSync(RUN_DATE, SAMPLES);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        jdbc.execute("ALTER TABLE gazelle_clients ADD COLUMN postal_code text");

        JobExecution restarted = launches.restart(failed.getId());

        assertThat(restarted.getStatus()).as(restarted.getExitStatus().getExitDescription()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(TestDatabase.count(jdbc, "gazelle_clients")).isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT postal_code FROM gazelle_clients WHERE external_id = 'cli_DEMO0000000001'",
                String.class)).isEqualTo("H0H 0H0");
    }

    @Test
    void aMissingOptionalColumnDoesNotFailTheRun() throws Exception {
        jdbc.execute("ALTER TABLE gazelle_clients DROP COLUMN wants_email");
        try {
            JobExecution execution = launches.runGazelleSync(RUN_DATE, SAMPLES);

            assertThat(execution.getStatus()).as(execution.getExitStatus().getExitDescription()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(TestDatabase.count(jdbc, "gazelle_clients")).isEqualTo(5);
        } finally {
            jdbc.execute("ALTER TABLE gazelle_clients ADD COLUMN IF NOT EXISTS wants_email boolean");
        }
    }

    @Test
    void anOptionalColumnTheExportFillsIsLeftOutWhenTheTableLacksIt() throws Exception {
        jdbc.execute("ALTER TABLE gazelle_clients DROP COLUMN client_type");
        try {
            JobExecution execution = launches.runGazelleSync(RUN_DATE, SAMPLES);

            assertThat(execution.getStatus()).as(execution.getExitStatus().getExitDescription()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(jdbc.queryForObject("SELECT city FROM gazelle_clients WHERE external_id = 'cli_DEMO0000000001'", String.class))
                    .isEqualTo("Montréal");
        } finally {
            jdbc.execute("ALTER TABLE gazelle_clients ADD COLUMN IF NOT EXISTS client_type text");
        }
    }
}
