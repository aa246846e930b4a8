package ca.ptm.nocturne.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.ptm.nocturne.imports.ImportProperties;
import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.operations.OperationRefusedException;
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
    void theDefaultRootsAreTheInboxTheSamplesAndJobsNeverTheWorldWritableTempFolder() {
        ImportProperties defaults = new ImportProperties(null, null, null, 0, 0, null, null, null, 0);

        assertThat(defaults.allowedRoots()).containsExactly(Path.of("jobs/import/inbox"), Path.of("jobs/samples/demonstration/import"),
                Path.of("jobs"));
        assertThat(properties.allowedRoots()).as("the tests set their own roots")
                .contains(Path.of(System.getProperty("java.io.tmpdir")));
    }

    @Test
    void aFolderOutsideTheRootsIsRefusedInFrenchBeforeAnyJobInstanceExists() {
        assertRefused(() -> launches.runImport("/etc", null), "/etc");
    }

    @Test
    void dotDotOutOfAnAllowedFolderIsRefused() {
        String escaping = temp.resolve("../../../../../../../../etc").toString();

        assertRefused(() -> launches.runImport(escaping, null), "/etc");
    }

    @Test
    void aSymbolicLinkInsideARootPointingOutsideIsRefused() throws Exception {
        Path link = Files.createSymbolicLink(temp.resolve("inbox-link"), Path.of("/etc"));

        assertRefused(() -> launches.runImport(link.toString(), null), "/etc");
    }

    @Test
    void aMissingFolderOrAFileGivenAsTheFolderIsRefusedBeforeAnyJobInstanceExists() throws Exception {
        Path file = Files.writeString(temp.resolve("pas-un-dossier.csv"), "x\n");

        assertThatThrownBy(() -> launches.runImport(temp.resolve("absent").toString(), null))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessage("Dossier d'entrée introuvable : " + temp.resolve("absent") + ". Vérifiez le chemin donné à --dir "
                        + "(ou nocturne.import.inbox).");
        assertThatThrownBy(() -> launches.runImport(file.toString(), null)).isInstanceOf(OperationRefusedException.class)
                .hasMessage(file + " n'est pas un dossier : donnez à --dir le dossier qui contient les fichiers à importer.");
        assertThat(TestDatabase.count(jdbc, "batch.batch_job_instance")).isZero();
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
                String.class)).isEqualTo("REFUSED Lien symbolique vers un fichier hors de la boîte d'entrée : non lu");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM import_batch b LEFT JOIN import_reject r ON r.import_batch_id = b.id "
                + "WHERE coalesce(b.message, '') || coalesce(r.message, '') || coalesce(r.raw_line, '') LIKE '%root:%'", Integer.class))
                .as("nothing of /etc/passwd was read").isZero();
    }

    private void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable launch, String shown) {
        assertThatThrownBy(launch).isInstanceOf(OperationRefusedException.class)
                .hasMessageContaining("Dossier d'entrée refusé").hasMessageContaining(shown)
                .hasMessageContaining("hors des dossiers autorisés").hasMessageContaining("nocturne.import.allowed-roots")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(TestDatabase.count(jdbc, "import_batch")).isZero();
        assertThat(TestDatabase.count(jdbc, "batch.batch_job_instance")).as("nothing left to abandon").isZero();
    }
}
