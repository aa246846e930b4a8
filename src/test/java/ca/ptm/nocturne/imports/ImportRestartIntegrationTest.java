package ca.ptm.nocturne.imports;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.imports.mapping.FileKind;
import ca.ptm.nocturne.imports.writing.ImportTarget;
import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.reference.InstitutionDirectory;
import ca.ptm.nocturne.reference.RoomDirectory;
import ca.ptm.nocturne.reference.TechnicianDirectory;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.SampleInbox;
import ca.ptm.nocturne.support.Steps;
import ca.ptm.nocturne.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The restart test of spring-batch-samples, on the legacy import: a run fails in the middle of a file, the tables
 * hold exactly the rows of the committed chunks, and a restart through the path of {@code jobs restart} ends with
 * the tables of one clean run.
 */
@NocturneIntegrationTest
@TestPropertySource(properties = "nocturne.import.chunk-size=2")
class ImportRestartIntegrationTest {

    /** Breaks the Nth record written to pda_request, like a database that goes away in the middle of a chunk. */
    static final AtomicInteger failOnPdaWrite = new AtomicInteger(0);

    @TestConfiguration
    static class FailingWriter {
        @Bean
        @Primary
        ImportKinds failingImportKinds(JdbcTemplate jdbc, RoomDirectory rooms, TechnicianDirectory technicians,
                                       InstitutionDirectory institutions, ImportProperties properties) {
            return new ImportKinds(jdbc, rooms, technicians, institutions, properties) {
                @Override
                @SuppressWarnings("unchecked")
                public ImportTarget<?> target(FileKind kind) {
                    ImportTarget<Object> real = (ImportTarget<Object>) super.target(kind);
                    if (kind != FileKind.PDA_REQUEST) {
                        return real;
                    }
                    AtomicInteger writes = new AtomicInteger();
                    return (record, origin) -> {
                        if (writes.incrementAndGet() == failOnPdaWrite.get()) {
                            throw new IllegalStateException("Panne simulée à l'écriture n° " + writes.get());
                        }
                        return real.write(record, origin);
                    };
                }
            };
        }
    }

    @Autowired
    JobLaunches launches;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path temp;

    @BeforeEach
    void clean() {
        TestDatabase.clean(jdbc);
    }

    @AfterEach
    void disarm() {
        failOnPdaWrite.set(0);
    }

    @Test
    void aRunThatFailsMidFileKeepsItsCommittedChunksAndTheRestartEndsLikeACleanRun() throws Exception {
        List<String> cleanRun = cleanRunSnapshot();
        TestDatabase.clean(jdbc);
        SampleInbox inbox = SampleInbox.withSamples(temp.resolve("failing"));

        // Chunks of 2: the TAB paste (4 rows) commits in two chunks, then the CSV's rows of lines 2-3 commit;
        // the 8th write (line 5 of the CSV) breaks the chunk of lines 4-5.
        failOnPdaWrite.set(8);
        JobExecution failed = launches.runImport(inbox.dir(), null);

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(Steps.named(failed, "import-pda-requests").getExitStatus().getExitDescription()).contains("Panne simulée");
        assertThat(jdbc.queryForList("SELECT source || ' ' || for_who FROM pda_request ORDER BY id", String.class))
                .containsExactly("tab_paste Orchestre démo", "tab_paste Orchestre démo", "tab_paste Théâtre démo",
                        "tab_paste Atelier démo", "legacy_csv Gala fictif", "legacy_csv Troupe exemple");
        assertThat(jdbc.queryForObject("SELECT status || ' written=' || rows_written || ' duplicates=' || rows_duplicate "
                + "FROM import_batch WHERE file_name = 'pda-demandes-2025-11.csv'", String.class)).isEqualTo("FAILED written=2 duplicates=0");

        failOnPdaWrite.set(0);
        JobExecution restarted = launches.restart(failed.getId());

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getStepExecutions()).extracting(StepExecution::getStepName).containsExactly("import-pda-requests", "import-contracts", "import-contract-installments", "validate-import");
        assertThat(Steps.named(restarted, "import-pda-requests").getReadCount()).as("resumes after line 3 of the CSV").isEqualTo(6);
        assertThat(TestDatabase.snapshot(jdbc)).isEqualTo(cleanRun);
    }

    @Test
    void aFileChangedBetweenTheFailureAndTheRestartIsNotResumedAtTheOldPosition() throws Exception {
        SampleInbox inbox = SampleInbox.withSamples(temp);
        failOnPdaWrite.set(8);
        JobExecution failed = launches.runImport(inbox.dir(), null);
        failOnPdaWrite.set(0);
        Files.writeString(inbox.path().resolve("pda-demandes-2025-11.csv"), "2025-11-30,2025-12-12,MS,Ajout,442,QA,Steinway D,19h,Allan,,,PENDING,,\r\n",
                StandardOpenOption.APPEND);

        JobExecution restarted = launches.restart(failed.getId());

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(Steps.named(restarted, "import-pda-requests").getExitStatus().getExitDescription())
                .contains("Le fichier pda-demandes-2025-11.csv a été modifié ou supprimé depuis le début de son import");
        assertThat(TestDatabase.count(jdbc, "pda_request")).isEqualTo(6);
    }

    private List<String> cleanRunSnapshot() throws Exception {
        JobExecution clean = launches.runImport(SampleInbox.withSamples(temp.resolve("clean")).dir(), null);
        assertThat(clean.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<String> snapshot = TestDatabase.snapshot(jdbc);
        assertThat(snapshot).anyMatch(row -> row.startsWith("pda|")).anyMatch(row -> row.startsWith("reject|"));
        return snapshot;
    }
}
