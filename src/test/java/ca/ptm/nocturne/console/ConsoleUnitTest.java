package ca.ptm.nocturne.console;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.reports.ReportsProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pieces without a database: CSV cells, the reports-folder guard, the password rule, the French labels. */
class ConsoleUnitTest {

    @TempDir
    Path temp;

    @Test
    void csvCellsAreQuotedAndFormulaGuarded() {
        assertThat(CsvCells.line(List.of("a", 1, "b;c", "dit \"oui\""))).isEqualTo("a;1;\"b;c\";\"dit \"\"oui\"\"\"\r\n");
        assertThat(CsvCells.cell("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(CsvCells.cell("+1")).isEqualTo("'+1");
        assertThat(CsvCells.cell("-2")).isEqualTo("'-2");
        assertThat(CsvCells.cell("@cmd")).isEqualTo("'@cmd");
        assertThat(CsvCells.cell("ligne\nsuivante")).isEqualTo("\"ligne\nsuivante\"");
        assertThat(CsvCells.cell(null)).isEmpty();
        assertThat(CsvCells.cell("Élève à l'école")).isEqualTo("Élève à l'école");
    }

    @Test
    void onlyPdfAndCsvFilesInsideTheReportsFolderAreServable() throws Exception {
        Path root = Files.createDirectories(temp.resolve("reports"));
        Path day = Files.createDirectories(root.resolve("2026-03-01"));
        Path pdf = Files.writeString(day.resolve("a.pdf"), "x");
        Path outside = Files.writeString(temp.resolve("b.pdf"), "x");
        Path link = Files.createSymbolicLink(day.resolve("lien.pdf"), outside);
        Path text = Files.writeString(day.resolve("c.txt"), "x");
        ReportFiles files = new ReportFiles(new ReportsProperties(root, null, null, null));

        assertThat(files.servable(pdf)).isPresent();
        assertThat(files.servable(outside)).isEmpty();
        assertThat(files.servable(link)).as("a link leading out").isEmpty();
        assertThat(files.servable(text)).isEmpty();
        assertThat(files.servable(day.resolve("../../b.pdf"))).isEmpty();
        assertThat(files.servable(day.resolve("absent.pdf"))).isEmpty();
    }

    @Test
    void passwordsMustBeLongAndNotTheUserName() {
        assertThat(ConsoleUsers.passwordProblem("admin", "admin")).contains("trop court");
        assertThat(ConsoleUsers.passwordProblem("admin", null)).contains("trop court");
        assertThat(ConsoleUsers.passwordProblem("administrateur", "ADMINISTRATEUR")).contains("nom d'utilisateur");
        assertThat(ConsoleUsers.passwordProblem("allan", "piano-de-nuit-2026")).isNull();
        assertThat(new ConsoleProperties("a", "secret-secret", null, null).toString()).doesNotContain("secret-secret");
    }

    @Test
    void everyMessageKeyUsedByTheTemplatesExistsInTheFrenchBundle() throws Exception {
        java.util.Properties messages = new java.util.Properties();
        try (var in = Files.newBufferedReader(Path.of("src/main/resources/console/messages_fr.properties"))) {
            messages.load(in);
        }
        java.util.regex.Pattern key = java.util.regex.Pattern.compile("#\\{([a-zA-Z.]+)[}(]");
        try (var templates = Files.list(Path.of("src/main/resources/templates/console"))) {
            for (Path template : templates.toList()) {
                var matcher = key.matcher(Files.readString(template));
                while (matcher.find()) {
                    assertThat(messages).as(template.getFileName() + " uses " + matcher.group(1)).containsKey(matcher.group(1));
                }
            }
        }
        assertThat(messages.getProperty("login.password")).isEqualTo("Mot de passe");
    }
}
