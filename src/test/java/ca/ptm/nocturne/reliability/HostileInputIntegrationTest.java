package ca.ptm.nocturne.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.reliability.HostileCorpus.Case;
import ca.ptm.nocturne.reliability.HostileCorpus.Verdict;
import ca.ptm.nocturne.reports.csv.FormulaGuard;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.SampleInbox;
import ca.ptm.nocturne.support.TestDatabase;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each hostile legacy file, next to a good one: the run survives, the file is refused or its bad lines rejected with
 * their line numbers, the good file's rows are kept, no payload runs, and the heap stays bounded.
 */
@NocturneIntegrationTest
class HostileInputIntegrationTest {

    static final String GOOD_FILE = "fournitures-produits.csv";
    static final List<String> GOOD_PRODUCTS = List.of("101 Buvard pour humidificateur", "103 Hygrostat de rechange",
            "104 Gaine de réservoir");
    /** Retained heap after a hostile import, after GC: a leak of the 10 MB field or of 100,000 cells would show. */
    static final long RETAINED_HEAP_BOUND = 64L * 1024 * 1024;
    /**
     * Peak heap growth during one import, garbage included (the JVM collects lazily with a large default heap): a
     * file held whole many times over, or a list per column per row, would show.
     */
    static final long PEAK_HEAP_BOUND = 1024L * 1024 * 1024;

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

    static Stream<Case> corpus() {
        return HostileCorpus.all().stream();
    }

    @Test
    void theCorpusHasAtLeastFortyFilesAndKeepsTheCommittedOnesSmall() throws Exception {
        assertThat(HostileCorpus.all()).hasSizeGreaterThanOrEqualTo(40);
        Path committed = Path.of("src/test/resources/hostile");
        try (Stream<Path> files = java.nio.file.Files.list(committed)) {
            assertThat(files.mapToLong(p -> p.toFile().length()).max().orElse(0)).isLessThan(64 * 1024);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void aHostileFileNeverCrashesTheRunNorCostsTheGoodFileItsRows(Case hostile) throws Exception {
        SampleInbox inbox = SampleInbox.empty(temp).copySample(GOOD_FILE);
        HostileCorpus.make(hostile, inbox.path());
        long before = usedHeapAfterGc();
        resetPeaks();

        JobExecution execution = launches.runImport(inbox.dir(), null);

        long peak = peakHeap() - before;
        long retained = usedHeapAfterGc() - before;
        String outcome = describe(hostile, execution);
        System.out.printf("HOSTILE %-36s %s peak+%dMB retained%+dMB%n", hostile.id(), outcome, peak >> 20, retained >> 20);

        // the run survives: completed (with warnings), or failed only by the skip limit on a mostly-garbage file
        if (hostile.verdict() == Verdict.SKIP_LIMIT) {
            assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(failureText(execution)).contains("Trop de lignes rejetées dans " + hostile.fileName());
        } else {
            assertThat(execution.getStatus()).as(outcome).isEqualTo(BatchStatus.COMPLETED);
        }
        // the good file keeps its rows
        assertThat(jdbc.queryForList("SELECT legacy_product_id || ' ' || name FROM product WHERE legacy_product_id IN "
                + "('101', '102', '103', '104') ORDER BY 1", String.class)).containsExactlyElementsOf(GOOD_PRODUCTS);
        assertThat(jdbc.queryForObject("SELECT status || ' ' || rows_written FROM import_batch WHERE file_name = ?", String.class,
                GOOD_FILE)).isEqualTo("COMPLETED 3");
        // nothing of the payload ran
        for (String table : List.of("pda_request", "product", "import_batch", "import_reject", "venue_piano")) {
            assertThat(jdbc.queryForObject("SELECT to_regclass(?)::text", String.class, "public." + table)).isEqualTo(table);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM import_batch WHERE status NOT IN ('REFUSED') "
                + "AND rows_read <> rows_written + rows_rejected + rows_duplicate", Integer.class)).as("rows add up, even failed").isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM import_batch WHERE status = 'COMPLETED' "
                + "AND physical_lines <> header_lines + record_lines + blank_lines", Integer.class)).as("lines add up").isZero();

        switch (hostile.verdict()) {
            case REFUSED -> {
                Map<String, Object> batch = batchOf(hostile);
                assertThat(batch.get("status")).as(outcome).isEqualTo("REFUSED");
                assertThat((String) batch.get("message")).isNotBlank();
                assertThat(rejectsOf(hostile)).as(outcome).singleElement().satisfies(r -> {
                    assertThat(r.get("error_code")).isEqualTo(hostile.code());
                    assertThat((Integer) r.get("line_number")).isGreaterThanOrEqualTo(0);
                });
                assertThat(execution.getExitStatus().getExitDescription()).contains("Fichier refusé : " + shown(hostile));
            }
            case REJECTED, SKIP_LIMIT -> {
                List<Map<String, Object>> rejects = rejectsOf(hostile);
                assertThat(rejects).as(outcome).extracting(r -> r.get("line_number") + " " + r.get("error_code"))
                        .as("every reject of %s, by line and code", hostile.fileName())
                        .containsExactlyElementsOf(hostile.rejects());
                assertThat(rejects).allSatisfy(r -> assertThat((String) r.get("message")).isNotBlank());
                assertThat(rejects).as("a raw line is never stored whole when it is huge")
                        .allSatisfy(r -> assertThat(r.get("raw_line") == null ? 0 : ((String) r.get("raw_line")).length())
                                .isLessThanOrEqualTo(1_000_000));
                if (hostile.verdict() == Verdict.REJECTED) {
                    assertThat(batchOf(hostile).get("status")).isEqualTo("COMPLETED");
                    assertThat(execution.getExitStatus().getExitDescription()).contains(shown(hostile) + " : ");
                }
            }
            case IMPORTED -> {
                Map<String, Object> batch = batchOf(hostile);
                assertThat(batch.get("status")).as(outcome).isEqualTo("COMPLETED");
                assertThat((Integer) batch.get("rows_written")).as(outcome).isEqualTo(hostile.rows());
                assertThat((Integer) batch.get("rows_read")).as(outcome).isEqualTo(hostile.rows());
                assertThat((Integer) batch.get("rows_rejected")).as(outcome).isZero();
            }
            case NO_DATA -> assertThat(batchOf(hostile)).containsEntry("status", "COMPLETED").containsEntry("rows_read", 0);
            case HELD_BACK -> {
                assertThat(jdbc.queryForObject("SELECT count(*) FROM import_batch WHERE file_name = ?", Integer.class,
                        shown(hostile))).isZero();
                assertThat(execution.getExitStatus().getExitDescription())
                        .contains("Fichier non importé : " + shown(hostile) + " — Dernière ligne sans fin de ligne");
            }
        }
        for (String text : hostile.verbatim()) {
            assertThat(jdbc.queryForObject("""
                    SELECT count(*) FROM (SELECT name AS t FROM product UNION ALL SELECT for_who FROM pda_request
                        UNION ALL SELECT notes FROM pda_request UNION ALL SELECT piano_text FROM pda_request) x WHERE t = ?""",
                    Integer.class, text)).as("stored verbatim: %s", text).isEqualTo(1);
        }
        if (hostile.big()) {
            assertThat(retained).as("heap retained after importing %s", hostile.fileName()).isLessThan(RETAINED_HEAP_BOUND);
            assertThat(peak).as("peak heap growth while importing %s", hostile.fileName()).isLessThan(PEAK_HEAP_BOUND);
        }
    }

    @Test
    void theCsvWriterOfTheReportsNeutralisesTheFormulaPayloads() {
        for (String payload : List.of("=HYPERLINK(\"http://x\",\"clic\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)", "\t=2+5",
                "\r=1+1")) {
            assertThat(FormulaGuard.neutralise(payload)).as(payload).isEqualTo("'" + payload);
        }
        assertThat(FormulaGuard.neutralise("'; DROP TABLE pda_request; --")).isEqualTo("'; DROP TABLE pda_request; --");
        assertThat(FormulaGuard.neutralise("Steinway D")).isEqualTo("Steinway D");
        assertThat(FormulaGuard.neutralise(null)).isEmpty();
    }

    /** The file name as stored and printed: control characters escaped. */
    private static String shown(Case hostile) {
        return ca.ptm.nocturne.shared.Printable.escape(hostile.fileName());
    }

    private Map<String, Object> batchOf(Case hostile) {
        List<Map<String, Object>> batches = jdbc.queryForList("SELECT * FROM import_batch WHERE file_name = ?", shown(hostile));
        assertThat(batches).as("one import_batch row naming %s", hostile.fileName()).hasSize(1);
        return batches.get(0);
    }

    private List<Map<String, Object>> rejectsOf(Case hostile) {
        return jdbc.queryForList("SELECT r.line_number, r.error_code, r.message, r.raw_line FROM import_reject r "
                + "JOIN import_batch b ON b.id = r.import_batch_id WHERE b.file_name = ? ORDER BY r.line_number, r.error_code",
                shown(hostile));
    }

    private String describe(Case hostile, JobExecution execution) {
        String batch = jdbc.queryForList("SELECT status || ' read=' || rows_read || ' written=' || rows_written || ' rejected='"
                + " || rows_rejected || coalesce(' « ' || left(message, 120) || ' »', '') FROM import_batch WHERE file_name = ?",
                String.class, shown(hostile)).stream().findFirst().orElse("no batch");
        List<String> codes = jdbc.queryForList("SELECT r.line_number || ':' || r.error_code FROM import_reject r JOIN import_batch b "
                + "ON b.id = r.import_batch_id WHERE b.file_name = ? ORDER BY r.line_number LIMIT 6", String.class, shown(hostile));
        return execution.getStatus() + "/" + execution.getExitStatus().getExitCode() + " | " + batch + " | " + codes;
    }

    private static String failureText(JobExecution execution) {
        StringBuilder text = new StringBuilder(String.valueOf(execution.getExitStatus().getExitDescription()));
        execution.getStepExecutions().forEach(s -> text.append('\n').append(s.getExitStatus().getExitDescription()));
        return text.toString();
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }
}
