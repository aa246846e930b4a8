package ca.ptm.nocturne.operations.crash;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.operations.SyncOptions;
import ca.ptm.nocturne.support.ChildNocturne;
import ca.ptm.nocturne.support.NightTables;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.SampleInbox;
import ca.ptm.nocturne.support.TestDatabase;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The crash harness, killed by step rather than by clock: the night runs in a child JVM against this test's
 * PostgreSQL and stops at a chosen point (after a chunk commit, inside a chunk before its commit, before a report,
 * between the SMTP server accepting the morning email and the step's commit: see {@code CrashHook}), where the test
 * kills it with SIGKILL. The test then checks the job repository shows the step it killed, recovers and restarts the
 * night, and compares every table of {@code public} ({@link NightTables}), the report files ({@link ReportFolder})
 * and the emails received with a clean run's. CI runs {@link #CI_PLAN}; {@code -Dnocturne.crash.plan=all} runs every
 * point of {@link #allPoints()}, and {@code -Dnocturne.crash.plan=<point>,<point>} the points named.
 */
@NocturneIntegrationTest
@TestPropertySource(properties = {"spring.mail.host=localhost", "nocturne.mail.to=allan@ptm.test",
        "nocturne.mail.from=nocturne@ptm.test", "nocturne.mail.max-attempts=1"})
class CrashRestartIntegrationTest {

    static final LocalDate NIGHT = LocalDate.of(2026, 1, 20);
    static final int SMTP_PORT = freePort();
    static final Path WORK = work();
    static final String MAIL_POINT = "mid-chunk@send-morning-email@1";

    /** The fixed plan CI runs: every stage of the night, one to three points each. */
    static final List<String> CI_PLAN = List.of(
            "mid-chunk@import-products@1",
            "after-commit@import-pda-requests@3",
            "mid-chunk@import-contract-installments@1",
            "mid-chunk@validate-import@1",
            "after-commit@gazelle-clients@2",
            "mid-chunk@gazelle-pianos@2",
            "mid-chunk@gazelle-appointments@1",
            "after-commit@gazelle-timeline-slice:files@3",
            "mid-chunk@validate-gazelle@1",
            "mid-chunk@pda-link@1",
            "after-commit@pda-status@1",
            "mid-chunk@pda-checks@1",
            "before-report@entretien",
            "before-report@facturation-pda",
            MAIL_POINT);

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "localhost", "smtp"));

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("nocturne.reports.output-dir", () -> WORK.resolve("reports").toString());
        registry.add("nocturne.mail.outbox", () -> WORK.resolve("outbox").toString());
    }

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
        inbox = SampleInbox.withSamples(temp).path();
        exports = Files.createDirectories(temp.resolve("gazelle"));
        ScaledSamples.write(inbox, exports);
    }

    /**
     * Every point: inside the first chunk of each step that commits one with the files source (not gazelle-users and
     * gazelle-invoices: the exports have none; not the timeline's partition manager, which commits no chunk of its
     * own), after the commit of each tasklet, after a chunk that is not the last of the multi-chunk steps (Spring Batch
     * 6.0.6 updates a step's last chunk with the commit count of the one before), and before each report.
     */
    static List<String> allPoints() {
        List<String> tasklets = List.of("import-scan-inbox", "validate-import", "gazelle-schema-check", "gazelle-link-technicians",
                "gazelle-cancel-vanished", "validate-gazelle", "gazelle-sync-log", "pda-link", "pda-status", "pda-parking", "pda-checks",
                "send-morning-email");
        List<String> points = new ArrayList<>();
        for (String step : List.of("import-scan-inbox", "import-products", "import-product-display-names", "import-technician-stock",
                "import-stock-movements", "import-venue-pianos", "import-pda-requests", "import-contracts",
                "import-contract-installments", "validate-import", "gazelle-schema-check", "gazelle-link-technicians",
                "gazelle-clients", "gazelle-pianos", "gazelle-appointments", "gazelle-cancel-vanished", "gazelle-timeline-slice:files",
                "validate-gazelle", "gazelle-sync-log", "pda-link", "pda-status", "pda-parking", "pda-checks", "send-morning-email")) {
            points.add("mid-chunk@" + step + "@1");
            if (tasklets.contains(step)) {
                points.add("after-commit@" + step + "@1");
            }
        }
        points.addAll(List.of("after-commit@import-pda-requests@3", "after-commit@import-pda-requests@8",
                "mid-chunk@import-pda-requests@15", "after-commit@gazelle-clients@2", "mid-chunk@gazelle-clients@3",
                "after-commit@gazelle-pianos@1", "mid-chunk@gazelle-pianos@2", "after-commit@gazelle-timeline-slice:files@3",
                "mid-chunk@gazelle-timeline-slice:files@5", "after-commit@gazelle-timeline-slice:files@7"));
        for (String report : List.of("inventaire", "entretien", "contrats", "facturation-pda", "fournitures")) {
            points.add("before-report@" + report);
        }
        return points;
    }

    @Test
    void aNightKilledAtEveryStageIsRecoveredAndRestartedToTheTablesReportsAndEmailOfACleanRun() throws Exception {
        String chosen = System.getProperty("nocturne.crash.plan", "");
        List<String> plan = chosen.isBlank() ? CI_PLAN : chosen.equals("all") ? allPoints() : List.of(chosen.split(","));

        reset();
        JobExecution clean = launches.runNightly(NIGHT, inbox.toString(), null, new SyncOptions("files", exports.toString(), false));
        assertThat(clean.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, List<String>> expectedTables = NightTables.of(jdbc);
        Map<String, String> expectedReports = ReportFolder.of(reports());
        assertThat(expectedReports).hasSize(10);
        assertThat(smtp.getReceivedMessages()).as("the clean night's morning email").hasSize(1);
        String expectedSubject = smtp.getReceivedMessages()[0].getSubject();

        Map<String, String> results = new LinkedHashMap<>();
        Process next = startChild(plan, 0);
        try {
            for (int i = 0; i < plan.size(); i++) {
                Process child = next;
                reset();
                Files.writeString(temp.resolve("go-" + i), "go");
                try {
                    awaitPoint(child, temp.resolve("crash-point-" + i), temp.resolve("child-" + i + ".log"), plan.get(i));
                } finally {
                    child.destroyForcibly().waitFor();
                }
                // The next child starts up while this night is recovered, restarted and compared.
                next = i + 1 < plan.size() ? startChild(plan, i + 1) : null;
                String outcome = restartAndCompare(plan.get(i), expectedTables, expectedReports, expectedSubject);
                String line = "crash point " + (i + 1) + "/" + plan.size() + ": killed in " + outcome + ": survived";
                System.out.println(line);
                results.put(plan.get(i), line);
            }
        } finally {
            if (next != null) {
                next.destroyForcibly().waitFor();
            }
        }
        assertThat(results).hasSize(plan.size());
    }

    /** The child JVM of point {@code index}: it starts now and waits for its go file before running the night. */
    private Process startChild(List<String> plan, int index) throws IOException {
        Map<String, String> environment = new HashMap<>(Map.of(
                "NOCTURNE_CRASH_AT", plan.get(index), "NOCTURNE_CRASH_MARKER", temp.resolve("crash-point-" + index).toString(),
                "NOCTURNE_CRASH_GO", temp.resolve("go-" + index).toString(),
                "NOCTURNE_MAIL_OUTBOX", WORK.resolve("outbox").toString(), "NOCTURNE_REPORTS_OUTPUT_DIR", WORK.resolve("reports").toString(),
                "SPRING_MAIL_HOST", "localhost", "SPRING_MAIL_PORT", String.valueOf(SMTP_PORT),
                "NOCTURNE_MAIL_TO", "allan@ptm.test", "NOCTURNE_MAIL_FROM", "nocturne@ptm.test"));
        environment.put("NOCTURNE_MAIL_MAX_ATTEMPTS", "1");
        return ChildNocturne.start(dataSource, temp.resolve("child-" + index + ".log"), environment,
                "run", "nightly", "--date=" + NIGHT, "--dir=" + inbox, "--source=files", "--gazelle-dir=" + exports);
    }

    private String restartAndCompare(String point, Map<String, List<String>> expectedTables, Map<String, String> expectedReports,
                                     String expectedSubject) throws Exception {
        String[] at = point.split("@");
        JobExecution killed = launches.night(NIGHT).orElseThrow(() -> new AssertionError(point + ": no execution of the night"));
        assertThat(killed.getStatus()).as(point).isEqualTo(BatchStatus.STARTED);
        String step = at[0].equals("before-report") ? "generate-reports" : at[1];
        List<String> stepState = jdbc.queryForList("SELECT status || ' ' || commit_count FROM batch.batch_step_execution "
                + "WHERE job_execution_id = ? AND step_name = ?", String.class, killed.getId(), step);
        int committed = switch (at[0]) {
            case "after-commit" -> Integer.parseInt(at[2]);
            case "mid-chunk" -> Integer.parseInt(at[2]) - 1;
            default -> 0;
        };
        assertThat(stepState).as("%s: the step killed and its committed chunks", point).containsExactly("STARTED " + committed);
        int mailsAtKill = smtp.getReceivedMessages().length;
        if (at[0].equals("before-report")) {
            // PDF and CSV of each report before this one, nothing of this one (not even a .part file).
            int before = ca.ptm.nocturne.reports.ReportKind.valueOf(at[1].toUpperCase(java.util.Locale.ROOT).replace('-', '_')).ordinal();
            assertThat(ReportFolder.of(reports())).as("%s: reports written before the kill", point).hasSize(2 * before);
        }
        if (!point.equals(MAIL_POINT)) {
            assertThat(mailsAtKill).as("%s: no email before the kill", point).isZero();
        }

        JobExecution recovered = launches.recover(killed.getId());
        assertThat(recovered.getStatus()).as(point).isEqualTo(BatchStatus.FAILED);
        JobExecution restarted = launches.restart(killed.getId());
        assertThat(restarted.getStatus()).as("%s: %s", point, restarted.getExitStatus().getExitDescription())
                .isEqualTo(BatchStatus.COMPLETED);

        Map<String, List<String>> tables = NightTables.of(jdbc);
        List<String> mailRows = tables.remove("mail_delivery");
        Map<String, List<String>> expected = new LinkedHashMap<>(expectedTables);
        List<String> expectedMailRows = expected.remove("mail_delivery");
        assertThat(NightTables.differences(expected, tables)).as("%s: tables differing from the clean run", point).isEmpty();
        assertThat(ReportFolder.of(reports())).as("%s: report files", point).isEqualTo(expectedReports);

        List<String> subjects = Arrays.stream(smtp.getReceivedMessages()).map(m -> {
            try {
                return m.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        String what = describe(point, committed);
        if (point.equals(MAIL_POINT)) {
            // The SMTP server accepted the email, then the process died before the step committed: the restart cannot
            // know the email left, and sends it again. At most one duplicate.
            assertThat(mailsAtKill).as("the email was accepted before the kill").isEqualTo(1);
            assertThat(subjects).as(point).containsOnly(expectedSubject).hasSizeBetween(1, 2);
            assertThat(mailRows).as(point).hasSizeBetween(1, 2);
            return what + " (" + (subjects.size() - 1) + " duplicate morning email)";
        }
        assertThat(subjects).as("%s: exactly one morning email", point).containsExactly(expectedSubject);
        assertThat(mailRows).as("%s: mail_delivery", point).isEqualTo(expectedMailRows);
        return what;
    }

    private static String describe(String point, int committed) {
        String[] at = point.split("@");
        return switch (at[0]) {
            case "after-commit" -> at[1] + " after " + committed + " chunk" + (committed == 1 ? "" : "s");
            case "mid-chunk" -> at[1] + " inside chunk " + at[2] + " (" + committed + " committed)"
                    + (point.equals(MAIL_POINT) ? ", the email accepted by SMTP" : "");
            default -> "generate-reports before the report " + at[1];
        };
    }

    /** Waits for the child to reach the point; a point not reached (the child ended, or took too long) fails. */
    private static void awaitPoint(Process child, Path marker, Path log, String point) throws Exception {
        long deadline = System.currentTimeMillis() + 240_000;
        while (!Files.exists(marker)) {
            if (!child.isAlive() || System.currentTimeMillis() > deadline) {
                String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no log)";
                throw new AssertionError("Crash point " + point + " never reached (child " + (child.isAlive() ? "still running"
                        : "ended with " + child.exitValue()) + "):\n" + text.substring(Math.max(0, text.length() - 6000)));
            }
            Thread.sleep(20);
        }
    }

    private void reset() throws Exception {
        TestDatabase.clean(jdbc);
        smtp.purgeEmailFromAllMailboxes();
        Path folder = reports();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private static Path reports() {
        return WORK.resolve("reports").resolve(NIGHT.toString());
    }

    private static Path work() {
        try {
            return Files.createTempDirectory("nocturne-crash");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
