package ca.ptm.nocturne.shared.home;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.shared.home.NocturneHome.Folder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the home is, and how a folder under it overrides the jar's defaults file by file. */
class NocturneHomeTest {

    @TempDir
    Path temp;

    @Test
    void theHomeIsNocturneHomeElseTheWorkingFolderWithJobsElseDotNocturne() throws Exception {
        Path work = Files.createDirectories(temp.resolve("work"));
        Path user = Files.createDirectories(temp.resolve("user"));
        assertThat(NocturneHome.home(null, work, user)).isEqualTo(user.resolve(".nocturne"));
        Files.createDirectories(work.resolve("jobs"));
        assertThat(NocturneHome.home(" ", work, user)).isEqualTo(work);
        assertThat(NocturneHome.home("/srv/nocturne", work, user)).isEqualTo(Path.of("/srv/nocturne"));
        assertThat(NocturneHome.home("ici", work, user)).isEqualTo(work.resolve("ici"));
    }

    @Test
    void theJarShipsTheMappingsTemplatesAndSamplesOfTheRepository() throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        assertThat(NocturneHome.shipped(Folder.MAPPINGS, loader).keySet()).containsExactlyInAnyOrderElementsOf(names(Path.of("jobs/import/mappings")));
        assertThat(NocturneHome.shipped(Folder.REPORT_TEMPLATES, loader).keySet())
                .containsExactlyInAnyOrderElementsOf(names(Path.of("reports")).stream().filter(n -> n.endsWith(".jrxml")).toList());
        assertThat(NocturneHome.shipped(Folder.IMPORT_SAMPLES, loader).keySet()).containsExactlyInAnyOrderElementsOf(names(Path.of("jobs/samples/demonstration/import")));
        assertThat(NocturneHome.shipped(Folder.GAZELLE_SAMPLES, loader).keySet()).containsExactlyInAnyOrderElementsOf(names(Path.of("jobs/samples/demonstration/gazelle")));
    }

    @Test
    void aHomeFileOverridesItsDefaultAndTheOthersComeFromTheJar() throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        Path home = temp.resolve("home");
        Path local = Files.createDirectories(home.resolve("jobs/import/mappings"));
        String edited = "# une graphie ajoutée par l'administrateur\n" + Files.readString(Path.of("jobs/import/mappings/products.yml"));
        Files.writeString(local.resolve("products.yml"), edited);

        Path used = NocturneHome.locate(Folder.MAPPINGS, home, loader);
        assertThat(used).isEqualTo(home.resolve("var/defaults/mappings"));
        assertThat(names(used)).containsExactlyInAnyOrderElementsOf(names(Path.of("jobs/import/mappings")));
        assertThat(Files.readString(used.resolve("products.yml"))).isEqualTo(edited);
        assertThat(Files.readAllBytes(used.resolve("contracts.yml"))).isEqualTo(Files.readAllBytes(Path.of("jobs/import/mappings/contracts.yml")));

        // removing the local file brings the jar's back at the next use; a new local file is added
        Files.delete(local.resolve("products.yml"));
        Files.writeString(local.resolve("extra.yml"), "kind: extra\n");
        NocturneHome.refresh(used);
        assertThat(Files.readAllBytes(used.resolve("products.yml"))).isEqualTo(Files.readAllBytes(Path.of("jobs/import/mappings/products.yml")));
        assertThat(Files.readString(used.resolve("extra.yml"), StandardCharsets.UTF_8)).isEqualTo("kind: extra\n");
    }

    @Test
    void aCompleteFolderUnderTheHomeIsUsedAsIs() {
        assertThat(NocturneHome.locate(Folder.REPORT_TEMPLATES, Path.of("").toAbsolutePath(), getClass().getClassLoader()))
                .isEqualTo(Path.of("").toAbsolutePath().resolve("reports"));
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).toList();
        }
    }
}
