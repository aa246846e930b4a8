package ca.ptm.nocturne.operations;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.SampleInbox;
import ca.ptm.nocturne.support.Steps;
import ca.ptm.nocturne.support.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A night that fails in its report stage is restarted from that stage, without redoing the data stages. */
@NocturneIntegrationTest
class ReportStageRestartIntegrationTest {

    static final Path TEMPLATES = createTemplates();

    @DynamicPropertySource
    static void templates(DynamicPropertyRegistry registry) {
        registry.add("nocturne.reports.templates-dir", TEMPLATES::toString);
    }

    @Autowired
    JobLaunches launches;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path temp;

    @BeforeEach
    void clean() throws IOException {
        TestDatabase.clean(jdbc);
        copyTemplates();
    }

    @Test
    void aMissingTemplateFailsOnlyTheReportStageAndTheRestartFinishesTheNight() throws Exception {
        Files.delete(TEMPLATES.resolve("facturation-pda.jrxml"));
        JobExecution failed = launches.runNightly(LocalDate.of(2026, 2, 10), SampleInbox.withSamples(temp).dir(), null,
                new SyncOptions("files", "jobs/samples/gazelle", false));

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(Steps.named(failed, "generate-reports").getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(Steps.named(failed, "validate-gazelle").getStatus()).isEqualTo(BatchStatus.COMPLETED);
        int requests = TestDatabase.count(jdbc, "pda_request");

        copyTemplates();
        JobExecution restarted = launches.restart(failed.getId());

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getStepExecutions()).extracting(StepExecution::getStepName)
                .containsExactly("generate-reports", "send-morning-email");
        assertThat(TestDatabase.count(jdbc, "pda_request")).isEqualTo(requests);
    }

    private static Path createTemplates() {
        try {
            return Files.createTempDirectory("nocturne-templates");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTemplates() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("reports"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jrxml")).toList()) {
                Files.copy(file, TEMPLATES.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
