package ca.ptm.nocturne.operations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Nocturne started as the README's systemd unit starts it: from a working folder that is not a checkout (no jobs/,
 * no reports/), with NOCTURNE_HOME pointing at an empty folder, on the application's classpath without the tests
 * (the jar's layout: classes, resources with the shipped defaults, libraries). The demonstration night runs on the
 * samples shipped in the jar, its reports and its email land under NOCTURNE_HOME/var, and nothing is written to the
 * working folder.
 */
@NocturneIntegrationTest
class RunsFromAnywhereIntegrationTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path temp;

    @BeforeEach
    void clean() {
        TestDatabase.clean(jdbc);
    }

    @Test
    void theDemonstrationNightRunsFromAnotherFolderWithItsFilesUnderNocturneHome() throws Exception {
        Path elsewhere = Files.createDirectories(temp.resolve("ailleurs"));
        Path home = temp.resolve("nocturne-home");
        Path log = temp.resolve("demonstration.log");
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.timezone=UTC", "-Xmx512m", "-Duser.home=" + temp.resolve("user"), "-cp", classpath,
                "ca.ptm.nocturne.NocturneApplication"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(elsewhere.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        HikariDataSource hikari = (HikariDataSource) dataSource;
        builder.environment().put("SPRING_DATASOURCE_URL", hikari.getJdbcUrl());
        builder.environment().put("SPRING_DATASOURCE_USERNAME", hikari.getUsername());
        builder.environment().put("NOCTURNE_HOME", home.toString());
        builder.environment().remove("NOCTURNE_MAIL_OUTBOX");
        builder.environment().remove("NOCTURNE_REPORTS_OUTPUT_DIR");
        Process child = builder.start();
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("the demonstration ends").isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);

        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("nuit de démonstration du 2025-12-01").contains(home.resolve("var/defaults/samples/demonstration/import").toString())
                .doesNotContain("Exception");
        assertThat(jdbc.queryForObject("SELECT status FROM batch.batch_job_execution", String.class)).isEqualTo("COMPLETED");
        assertThat(TestDatabase.count(jdbc, "pda_request")).isPositive();
        assertThat(jdbc.queryForList("SELECT DISTINCT file_name FROM import_batch ORDER BY 1", String.class))
                .containsExactlyElementsOf(names(Path.of("jobs/samples/demonstration/import")).stream().sorted().toList());
        assertThat(names(home.resolve("var/reports/2025-12-01"))).as("the reports, under NOCTURNE_HOME/var")
                .anyMatch(name -> name.endsWith(".pdf")).anyMatch(name -> name.endsWith(".csv"));
        assertThat(names(home.resolve("var/outbox"))).as("no SMTP: the email in the outbox").anyMatch(name -> name.endsWith(".eml"));
        assertThat(names(home.resolve("var/defaults/mappings"))).containsExactlyInAnyOrderElementsOf(names(Path.of("jobs/import/mappings")));
        assertThat(Files.isDirectory(home.resolve("jobs/import/inbox"))).as("the inbox is ready for the first files").isTrue();
        try (Stream<Path> written = Files.list(elsewhere)) {
            assertThat(written.toList()).as("nothing in the working folder").isEmpty();
        }
    }

    private static List<String> names(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).toList();
        }
    }
}
