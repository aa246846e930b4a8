package ca.ptm.nocturne.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.imports.ImportProperties;
import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.SampleInbox;
import ca.ptm.nocturne.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The import reads only inside nocturne.import.allowed-roots, symbolic links resolved. */
@NocturneIntegrationTest
class AllowedRootsIntegrationTest {

    @Autowired
    JobLaunches launches;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ImportProperties properties;
    @TempDir
    Path temp;

    @BeforeEach
    void clean() {
        TestDatabase.clean(jdbc);
    }

    @Test
    void theDefaultRootsAreTheInboxTheSamplesTheTempFolderAndJobs() {
        assertThat(properties.allowedRoots()).containsExactly(Path.of("jobs/import/inbox"), Path.of("jobs/samples/demonstration/import"),
                Path.of(System.getProperty("java.io.tmpdir")), Path.of("jobs"));
    }

    @Test
    void aFolderOutsideTheRootsIsRefusedInFrenchBeforeAnythingIsRead() throws Exception {
        JobExecution execution = launches.runImport("/etc", null);

        assertRefused(execution, "/etc");
    }

    @Test
    void dotDotOutOfAnAllowedFolderIsRefused() throws Exception {
        String escaping = temp.resolve("../../../../../../../../etc").toString();

        assertRefused(launches.runImport(escaping, null), "/etc");
    }

    @Test
    void aSymbolicLinkInsideARootPointingOutsideIsRefused() throws Exception {
        Path link = Files.createSymbolicLink(temp.resolve("inbox-link"), Path.of("/etc"));

        assertRefused(launches.runImport(link.toString(), null), "/etc");
    }

    @Test
    void aSymbolicLinkToAnAllowedFolderAndAFileLinkOutOfTheInboxAreHandledFileByFile() throws Exception {
        SampleInbox inbox = SampleInbox.empty(temp.resolve("real")).copySample("fournitures-produits.csv");
        Files.createSymbolicLink(inbox.path().resolve("mots-de-passe.csv"), Path.of("/etc/passwd"));
        Path link = Files.createSymbolicLink(temp.resolve("inbox-link"), inbox.path());

        JobExecution execution = launches.runImport(link.toString(), null);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(TestDatabase.count(jdbc, "product")).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT status || ' ' || message FROM import_batch WHERE file_name = 'mots-de-passe.csv'",
                String.class)).isEqualTo("REFUSED Lien vers un fichier hors des dossiers autorisés : non lu");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM import_batch b LEFT JOIN import_reject r ON r.import_batch_id = b.id "
                + "WHERE coalesce(b.message, '') || coalesce(r.message, '') || coalesce(r.raw_line, '') LIKE '%root:%'", Integer.class))
                .as("nothing of /etc/passwd was read").isZero();
    }

    private void assertRefused(JobExecution execution, String shown) {
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        String description = execution.getStepExecutions().stream()
                .map(s -> String.valueOf(s.getExitStatus().getExitDescription())).reduce("", String::concat);
        assertThat(description).contains("Dossier d'entrée refusé").contains(shown).contains("hors des dossiers autorisés")
                .contains("nocturne.import.allowed-roots");
        assertThat(TestDatabase.count(jdbc, "import_batch")).isZero();
    }
}
