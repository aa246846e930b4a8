package ca.ptm.nocturne.operations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.SampleInbox;
import ca.ptm.nocturne.support.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The progress of a real import as the command line shows it: without a terminal, plain lines per running step with
 * no control character; on a terminal, lines redrawn in place and erased before the summary. A 20 ms interval makes
 * several ticks fall inside the samples' short steps.
 */
@NocturneIntegrationTest
class ProgressDisplayIntegrationTest {

    @Autowired
    JobLaunches launches;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path temp;

    @BeforeEach
    void clean() {
        TestDatabase.clean(jdbc);
    }

    @Test
    void withoutATerminalEachRunningStepGetsPlainLines() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        JobExecution execution;
        try (ProgressDisplay progress = ProgressDisplay.start(jobRepository, new PrintStream(captured, true, StandardCharsets.UTF_8),
                false, Duration.ofMillis(20))) {
            execution = launches.runImport(SampleInbox.withSamples(temp).dir(), null);
        }
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        String output = captured.toString(StandardCharsets.UTF_8);
        List<String> lines = output.lines().toList();
        assertThat(lines).isNotEmpty().allMatch(line -> line.startsWith("progression : "));
        assertThat(lines).anyMatch(line -> line.matches("progression : import-[a-z-]+ +lus .+  écrits .+/s  depuis \\d+:\\d\\d.*"));
        assertThat(output.chars().filter(c -> c < 0x20 && c != '\n').count()).as("no control character").isZero();
    }

    @Test
    void onATerminalTheLinesAreRedrawnInPlaceAndErasedAtTheEnd() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (ProgressDisplay progress = ProgressDisplay.start(jobRepository, new PrintStream(captured, true, StandardCharsets.UTF_8),
                true, Duration.ofMillis(20), Duration.ofMillis(20))) {
            assertThat(launches.runImport(SampleInbox.withSamples(temp).dir(), null).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("\033[K\n").contains("\033[1A\033[2K").contains("lus ");
        assertThat(output).as("erased: the output ends with the cursor back where the lines began").endsWith("\r");
    }

    @Test
    void anImportStepsTotalIsTheRowsOfItsFiles() throws Exception {
        Path file = temp.resolve("rows.csv");
        Files.writeString(file, "a;b\n1;2\n3;4\n5;6");
        assertThat(ProgressDisplay.lineCount(file)).isEqualTo(4);
        Files.writeString(file, "a;b\n1;2\n");
        assertThat(ProgressDisplay.lineCount(file)).isEqualTo(2);
    }
}
