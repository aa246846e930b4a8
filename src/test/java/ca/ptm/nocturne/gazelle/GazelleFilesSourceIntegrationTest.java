package ca.ptm.nocturne.gazelle;

import static ca.ptm.nocturne.gazelle.CompletedRuns.completed;
import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.gazelle.mapping.TimelineSignature;
import ca.ptm.nocturne.gazelle.sync.SyncCounts;
import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.operations.SyncOptions;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.Steps;
import ca.ptm.nocturne.support.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sync from Gazelle's CSV exports (the "files" source, the default when no Gazelle URL is configured), run on a
 * throw-away copy of the bundled samples (jobs/samples/gazelle, DOMAIN.md "Legacy export files" 4 to 7).
 */
@NocturneIntegrationTest
class GazelleFilesSourceIntegrationTest {

    static final Path SAMPLES = Path.of("jobs/samples/gazelle");
    static final LocalDate RUN_DATE = LocalDate.of(2026, 3, 1);
    static final List<String> GAZELLE_TABLES = List.of("gazelle_users", "gazelle_clients", "gazelle_contacts", "gazelle_pianos",
            "gazelle_appointments", "gazelle_appointment_pianos", "gazelle_timeline_entries", "gazelle_invoices",
            "gazelle_invoice_items");

    static final String TIMELINE_HEADER = "Client ID,Type,Timestamp,Comment,System Message,Piano Token,Piano Type,Piano Make,"
            + "Piano Model,Piano Serial Number,Piano Location,Piano Year,Created By";

    @Autowired
    JobLaunches launches;
    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path temp;
    Path exports;

    @BeforeEach
    void cleanAndCopySamples() throws IOException {
        TestDatabase.clean(jdbc);
        exports = Files.createDirectories(temp.resolve("gazelle"));
        try (Stream<Path> files = Files.list(SAMPLES)) {
            for (Path file : files.toList()) {
                Files.copy(file, exports.resolve(file.getFileName()));
            }
        }
    }

    private SyncOptions files() {
        return new SyncOptions("files", exports.toString(), false);
    }

    @Test
    void theDefaultSourceWithoutAGazelleUrlIsTheExportFolder() throws Exception {
        JobExecution execution = launches.runGazelleSync(RUN_DATE, new SyncOptions(null, exports.toString(), false));

        assertThat(execution.getStatus()).as(execution.getExitStatus().getExitDescription()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(TestDatabase.count(jdbc, "gazelle_clients")).isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT source FROM sync_logs", String.class))
                .as("the « last sync » row names the source the run really read, also when it was the default").isEqualTo("files");
        assertThat(jdbc.queryForList("SELECT DISTINCT source FROM sync_reject", String.class)).allMatch("files"::equals);
    }

    @Test
    void theSamplesWriteEveryRowButTheNoise() throws Exception {
        JobExecution execution = completed(launches.runGazelleSync(RUN_DATE, files()));

        assertThat(counts()).containsExactly(0, 5, 0, 5, 5, 0, 3, 0, 0);
        assertThat(Steps.named(execution, "gazelle-timeline").getExecutionContext().getLong(SyncCounts.NOISE))
                .as("the « Email opened » row").isEqualTo(1L);
        assertThat(Steps.named(execution, "gazelle-timeline").getExecutionContext().getLong(SyncCounts.WRITTEN)).isEqualTo(3L);
        assertThat(Steps.named(execution, "gazelle-timeline").getExecutionContext().getLong(SyncCounts.SOURCE_READ)).isEqualTo(4L);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sync_reject WHERE kind = 'SKIPPED'", Integer.class))
                .as("noise is counted, not rejected").isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM gazelle_timeline_entries WHERE description ILIKE '%opened%'",
                Integer.class)).isZero();
    }

    @Test
    void timelineIdsAreTleAndTheMd5OfTheRawCells() throws Exception {
        completed(launches.runGazelleSync(RUN_DATE, files()));

        List<String> expected = List.of(
                tle("Service", "2025-11-21 21:05:22 UTC", "cli_DEMO0000000001", "Accord 442 Hz. 21°, 36%. stat 12,50", ""),
                tle("Measurement", "2026-01-10 14:00:00 UTC", "cli_DEMO0000000004", "", "Humidité 32%"),
                tle("Service", "2025-11-22 19:40:00 UTC", "cli_DEMO0000000005",
                        "Accord 440 Hz, thermostat de la salle à 20. Stationnement 15,00", ""));
        assertThat(jdbc.queryForList("SELECT external_id FROM gazelle_timeline_entries", String.class))
                .allMatch(id -> id.matches("tle_[0-9a-f]{12}"))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(jdbc.queryForMap("SELECT client_id, piano_id, occurred_date, origin, content_signature FROM gazelle_timeline_entries "
                + "WHERE external_id = ?", expected.get(0)))
                .containsEntry("client_id", "cli_DEMO0000000001")
                .containsEntry("piano_id", "ins_DEMO0000000001")
                .containsEntry("occurred_date", java.sql.Date.valueOf("2025-11-21"))
                .containsEntry("content_signature", TimelineSignature.of(LocalDate.of(2025, 11, 21), "Accord 442 Hz. 21°, 36%. stat 12,50"));
    }

    @Test
    void aRecordTheDatabaseRefusesIsRejectedWithItsIdAndTheRestOfItsChunkLands() throws Exception {
        // Any refusal of a value by the database (a constraint, a value out of range): here a constraint of the test's own.
        jdbc.execute("ALTER TABLE gazelle_clients ADD CONSTRAINT no_demo_hall CHECK (company_name IS DISTINCT FROM 'Salle Démo')");
        try {
            JobExecution execution = launches.runGazelleSync(RUN_DATE, files());

            assertThat(execution.getStatus()).as(execution.getExitStatus().getExitDescription()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(jdbc.queryForList("SELECT external_id FROM gazelle_clients ORDER BY 1", String.class)).containsExactly(
                    "cli_DEMO0000000002", "cli_DEMO0000000003", "cli_DEMO0000000004", "cli_DEMO0000000005");
            assertThat(jdbc.queryForList("SELECT external_id || '|' || reason_code || '|' || message FROM sync_reject "
                    + "WHERE entity = 'CLIENT' AND kind = 'SKIPPED'", String.class)).singleElement().asString()
                    .startsWith("cli_DEMO0000000001|DB_REFUSED|Refusé par la base de données : ")
                    .contains("no_demo_hall");
            var clients = Steps.named(execution, "gazelle-clients").getExecutionContext();
            assertThat(clients.getLong(SyncCounts.WRITTEN)).isEqualTo(4L);
            assertThat(clients.getLong(SyncCounts.SKIPPED)).as("read 5 = written 4 + skipped 1").isEqualTo(1L);
            assertThat(clients.getLong(SyncCounts.UNCHANGED, 0L)).isZero();
        } finally {
            jdbc.execute("ALTER TABLE gazelle_clients DROP CONSTRAINT no_demo_hall");
        }
    }

    @Test
    void runningTheSameFilesTwiceChangesNothing() throws Exception {
        completed(launches.runGazelleSync(RUN_DATE, files()));
        List<String> first = gazelleSnapshot();
        assertThat(first).hasSize(18);

        long firstId = jdbc.queryForObject("SELECT max(job_execution_id) FROM batch.batch_job_execution", Long.class);
        JobExecution second = completed(launches.runGazelleSync(RUN_DATE, files()));

        assertThat(gazelleSnapshot()).isEqualTo(first);
        assertThat(jdbc.queryForList("SELECT DISTINCT last_seen_job_execution_id FROM gazelle_clients", Long.class))
                .as("equal rows are not rewritten: they keep the run that last changed them").containsExactly(firstId);
        var clients = Steps.named(second, "gazelle-clients").getExecutionContext();
        assertThat(clients.getLong(SyncCounts.WRITTEN, 0L)).isZero();
        assertThat(clients.getLong(SyncCounts.UNCHANGED)).isEqualTo(clients.getLong(SyncCounts.SOURCE_READ)).isPositive();
    }

    @Test
    void aTruePlsFlagIsNotResetByTheExportsFalse() throws Exception {
        jdbc.update("INSERT INTO gazelle_pianos (external_id, dampp_chaser_installed, location) VALUES ('ins_DEMO0000000001', true, 'Ancien')");

        completed(launches.runGazelleSync(RUN_DATE, files()));

        assertThat(jdbc.queryForMap("SELECT dampp_chaser_installed, location, make FROM gazelle_pianos WHERE external_id = 'ins_DEMO0000000001'"))
                .containsEntry("dampp_chaser_installed", true)
                .containsEntry("location", "WP")
                .containsEntry("make", "Steinway");
        assertThat(jdbc.queryForObject("SELECT dampp_chaser_installed FROM gazelle_pianos WHERE external_id = 'ins_DEMO0000000003'",
                Boolean.class)).isFalse();
        assertThat(jdbc.queryForObject("SELECT dampp_chaser_installed FROM gazelle_pianos WHERE external_id = 'ins_DEMO0000000002'",
                Boolean.class)).isTrue();
    }

    @Test
    void handSetClientTagsSurviveTheExportWhichHasNone() throws Exception {
        jdbc.update("INSERT INTO gazelle_clients (external_id, company_name, tags) VALUES ('cli_DEMO0000000001', 'Avant', ARRAY['institutional'])");

        completed(launches.runGazelleSync(RUN_DATE, files()));

        assertThat(jdbc.queryForMap("SELECT company_name, array_to_string(tags, ',') AS tags FROM gazelle_clients "
                + "WHERE external_id = 'cli_DEMO0000000001'"))
                .containsEntry("company_name", "Salle Démo")
                .containsEntry("tags", "institutional");
    }

    @Test
    void companyNamesLoseThePollutingSuffixAndEmptyOnesComeFromTheContact() throws Exception {
        completed(launches.runGazelleSync(RUN_DATE, files()));

        assertThat(companyName("cli_DEMO0000000003")).isEqualTo("Studio Démo");
        assertThat(companyName("cli_DEMO0000000002")).isEqualTo("Camille Fictive");
        assertThat(companyName("cli_DEMO0000000004")).isEqualTo("École de musique démo");
    }

    @Test
    void anAppointmentOfTheUnassignedPlaceholderIsWrittenWithoutTechnician() throws Exception {
        completed(launches.runGazelleSync(RUN_DATE, files()));

        assertThat(jdbc.queryForMap("SELECT technicien, title, appointment_date, appointment_time FROM gazelle_appointments "
                + "WHERE external_id = 'evt_DEMO0000000002'"))
                .containsEntry("technicien", null)
                .containsEntry("title", "Accord annuel")
                .containsEntry("appointment_date", java.sql.Date.valueOf("2026-03-14"))
                .containsEntry("appointment_time", java.sql.Time.valueOf("09:30:00"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM gazelle_appointments WHERE technicien IS NOT NULL", Integer.class))
                .as("no technician has a Gazelle user id yet: none resolves, no raw name lands in the id column").isZero();
    }

    @Test
    void aTechnicianWithAGazelleUserIdIsResolvedByName() throws Exception {
        jdbc.update("UPDATE technician SET gazelle_user_id = 'usr_DEMOALLAN001' WHERE first_name = 'Allan'");

        completed(launches.runGazelleSync(RUN_DATE, files()));

        assertThat(jdbc.queryForObject("SELECT technicien FROM gazelle_appointments WHERE external_id = 'evt_DEMO0000000004'",
                String.class)).isEqualTo("usr_DEMOALLAN001");
        assertThat(jdbc.queryForObject("SELECT technicien FROM gazelle_appointments WHERE external_id = 'evt_DEMO0000000001'",
                String.class)).as("Nicolas has no Gazelle user id").isNull();
    }

    @Test
    void aTimelineRowWithAnUnparseableTimestampIsRejectedWithItsLineAndTheOthersLand() throws Exception {
        Files.writeString(exports.resolve("timeline.csv"), TIMELINE_HEADER + "\r\n"
                + "cli_DEMO0000000001,Service,2025-11-21 21:05:22 UTC,\"Accord 442 Hz.\r\nPédale à revoir\",,ins_DEMO0000000001,grand,"
                + "Steinway,D,400100,WP,2011,Nicolas X\r\n"
                + "cli_DEMO0000000004,Measurement,hier vers midi,,Humidité 32%,ins_DEMO0000000002,upright,Yamaha,b2PE,j0000001,EM402,2013,\r\n"
                + "cli_DEMO0000000005,Service,2025-11-22 19:40:00 UTC,\"Accord 440 Hz\",,ins_DEMO0000000005,grand,Yamaha,CFX,6001234,TM,2015,"
                + "Allan Y\r\n", StandardCharsets.UTF_8);

        JobExecution execution = completed(launches.runGazelleSync(RUN_DATE, files()));

        assertThat(TestDatabase.count(jdbc, "gazelle_timeline_entries")).isEqualTo(2);
        List<Map<String, Object>> rejects = jdbc.queryForList(
                "SELECT kind, entity, source, line_number, reason_code, message, payload FROM sync_reject");
        assertThat(rejects).hasSize(1);
        assertThat(rejects.get(0))
                .containsEntry("kind", "SKIPPED")
                .containsEntry("entity", "TIMELINE_ENTRY")
                .containsEntry("source", "files")
                .containsEntry("line_number", 4)
                .containsEntry("reason_code", "INVALID");
        assertThat((String) rejects.get(0).get("message")).contains("timeline.csv").contains("Timestamp").contains("hier vers midi");
        assertThat((String) rejects.get(0).get("payload")).contains("hier vers midi");
        assertThat(Steps.named(execution, "gazelle-timeline").getExecutionContext().getLong(SyncCounts.SKIPPED)).isEqualTo(1L);
    }

    @Test
    void aCsvRowTheApiAlreadyGaveIsNotWritten() throws Exception {
        LocalDate day = Instant.parse("2025-11-21T21:05:22Z").atZone(ZoneId.of("America/Montreal")).toLocalDate();
        String signature = TimelineSignature.of(day, "Accord 442 Hz. 21°, 36%. stat 12,50");
        jdbc.update("""
                INSERT INTO gazelle_timeline_entries (external_id, client_id, occurred_at, occurred_date, entry_type, description,
                    origin, content_signature)
                VALUES ('tme_DEMO0000000001', 'cli_DEMO0000000001', '2025-11-21T21:05:22Z', ?, 'SERVICE_ENTRY_MANUAL',
                    'accord 442 hz.  21°, 36%. STAT 12,50', 'api', ?)""", day, signature);
        String csvId = tle("Service", "2025-11-21 21:05:22 UTC", "cli_DEMO0000000001", "Accord 442 Hz. 21°, 36%. stat 12,50", "");

        JobExecution execution = completed(launches.runGazelleSync(RUN_DATE, files()));

        assertThat(jdbc.queryForList("SELECT external_id FROM gazelle_timeline_entries WHERE content_signature = ?", String.class,
                signature)).containsExactly("tme_DEMO0000000001");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM gazelle_timeline_entries WHERE external_id = ?", Integer.class, csvId))
                .isZero();
        assertThat(TestDatabase.count(jdbc, "gazelle_timeline_entries")).as("the tme_ row and the two other CSV rows").isEqualTo(3);
        assertThat(jdbc.queryForList("SELECT kind || ' ' || reason_code || ' ' || external_id FROM sync_reject", String.class))
                .containsExactly("SKIPPED SUPERSEDED " + csvId);
        assertThat(Steps.named(execution, "gazelle-timeline").getExecutionContext().getLong(SyncCounts.WRITTEN)).isEqualTo(2L);
    }

    private static String tle(String type, String timestamp, String clientId, String comment, String systemMessage) throws Exception {
        byte[] digest = MessageDigest.getInstance("MD5")
                .digest((type + timestamp + clientId + comment + systemMessage).getBytes(StandardCharsets.UTF_8));
        return "tle_" + HexFormat.of().formatHex(digest).substring(0, 12);
    }

    private String companyName(String id) {
        return jdbc.queryForObject("SELECT company_name FROM gazelle_clients WHERE external_id = ?", String.class, id);
    }

    private List<Integer> counts() {
        List<Integer> counts = new ArrayList<>();
        for (String table : GAZELLE_TABLES) {
            counts.add(TestDatabase.count(jdbc, table));
        }
        return counts;
    }

    /** Every row of every gazelle_ table, without the columns that record when and by which run it was written. */
    private List<String> gazelleSnapshot() {
        List<String> rows = new ArrayList<>();
        for (String table : GAZELLE_TABLES) {
            rows.addAll(jdbc.queryForList("SELECT '" + table + "|' || (to_jsonb(t) - 'synced_at' - 'last_seen_job_execution_id' "
                    + "- 'updated_at')::text FROM " + table + " t ORDER BY 1", String.class));
        }
        return rows;
    }
}
