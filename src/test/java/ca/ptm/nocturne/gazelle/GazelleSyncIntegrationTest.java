package ca.ptm.nocturne.gazelle;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.gazelle.source.GraphQlPageReader;
import ca.ptm.nocturne.gazelle.standin.GazelleStandIn;
import ca.ptm.nocturne.gazelle.sync.SyncCounts;
import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.operations.SyncOptions;
import ca.ptm.nocturne.shared.batch.RunWarnings;
import ca.ptm.nocturne.shared.time.BusinessTime;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.Steps;
import ca.ptm.nocturne.support.TestDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sync against the Gazelle stand-in, which executes every request against Gazelle's schema; WireMock in front of it
 * only for HTTP faults.
 */
@NocturneIntegrationTest
class GazelleSyncIntegrationTest {

    static final GazelleStandIn GAZELLE = GazelleStandIn.start();
    static final GazelleFaults FAULTS = new GazelleFaults(GAZELLE);

    static final SyncOptions API = new SyncOptions("api", null, false);
    static final LocalDate TODAY = BusinessTime.system().today();

    @DynamicPropertySource
    static void gazelle(DynamicPropertyRegistry registry) {
        FAULTS.registerProperties(registry);
        registry.add("nocturne.gazelle.chunk-size", () -> "200");
    }

    @AfterAll
    static void stop() {
        FAULTS.close();
        GAZELLE.close();
    }

    @Autowired
    JobLaunches launches;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void clean() {
        TestDatabase.clean(jdbc);
        GAZELLE.reset();
        FAULTS.reset();
    }

    @Test
    void readsEveryPageOfEveryEntityAndChecksCountsThatEndOnAPageBoundary() throws Exception {
        GAZELLE.addUsers(List.of(GazelleNodes.user("usr_T0000000001", "Allan", "Y"),
                GazelleNodes.user("usr_T0000000002", "Gilles", "Z")));
        GAZELLE.addClients(GazelleNodes.clients(250));
        List<Map<String, Object>> pianos = new ArrayList<>();
        for (int n = 1; n <= 100; n++) {
            pianos.add(GazelleNodes.piano(n, n, n % 7 == 0));
        }
        GAZELLE.addPianos(pianos);
        GAZELLE.addEvents(List.of(
                GazelleNodes.appointment(1, 1, TODAY.plusDays(2) + "T03:30:00Z", "ACTIVE"),
                GazelleNodes.appointment(2, 2, TODAY.plusDays(3) + "T15:00:00Z", "ACTIVE")));
        List<Map<String, Object>> timeline = new ArrayList<>();
        for (int n = 1; n <= 1000; n++) {
            timeline.add(GazelleNodes.timelineEntry(n, 1 + n % 250, "2026-01-10T14:00:00Z", "Accord n° " + n + ". 21°, 36%"));
        }
        GAZELLE.addTimelineEntries(timeline);
        GAZELLE.addInvoices(List.of(GazelleNodes.invoice(1, 1, 17500), GazelleNodes.invoice(2, 2, 20124)));

        JobExecution execution = launches.runGazelleSync(TODAY, API);

        assertThat(execution.getStatus()).as(execution.getExitStatus().getExitDescription()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(counts()).containsExactly(2, 250, 250, 100, 2, 2, 1000, 2, 2);
        assertThat(GAZELLE.requests("allClients")).isEqualTo(3);
        assertThat(GAZELLE.requests("allPianos")).as("one page of exactly 100, then the check").isEqualTo(2);
        assertThat(GAZELLE.operations("TimelineCounts")).as("one request counts the whole and each type").isEqualTo(1);
        assertThat(GAZELLE.operations("Timeline")).as("the slice of SERVICE_ENTRY_MANUAL: ten pages, then the check; the "
                + "seven slices of the 27 other types: one empty page each").isEqualTo(11 + 7);
        assertThat(GAZELLE.operations("Users")).as("a plain list, one request").isEqualTo(1);
        assertThat(GAZELLE.operations("EventPianos") + GAZELLE.operations("InvoiceItems")).as("no nested list had more").isZero();
        assertThat(Steps.named(execution, "gazelle-timeline").getExecutionContext().getLong(GraphQlPageReader.CAP_CHECKS))
                .isEqualTo(1L);
        assertThat(jdbc.queryForObject("SELECT total FROM gazelle_invoices WHERE invoice_number = 10002", BigDecimal.class))
                .isEqualByComparingTo("201.24");
        assertThat(jdbc.queryForMap("SELECT appointment_date, appointment_time FROM gazelle_appointments WHERE external_id = 'evt_T0000000001'"))
                .containsEntry("appointment_date", java.sql.Date.valueOf(TODAY.plusDays(1)))
                .containsEntry("appointment_time", java.sql.Time.valueOf(
                        java.time.LocalDateTime.of(TODAY.plusDays(2), java.time.LocalTime.of(3, 30)).atOffset(ZoneOffset.UTC)
                                .atZoneSameInstant(BusinessTime.ZONE).toLocalTime()));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM gazelle_timeline_entries WHERE humidity_pct = 36 AND temperature_c = 21",
                Integer.class)).isEqualTo(1000);
        assertThat(jdbc.queryForObject("SELECT gazelle_user_id FROM technician WHERE first_name = 'Allan'", String.class))
                .isEqualTo("usr_T0000000001");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM technician WHERE gazelle_user_id = 'usr_T0000000002'", Integer.class))
                .as("a Gazelle user no alias matches becomes a technician").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT records_synced FROM sync_logs", Integer.class)).isEqualTo(1356);
        assertThat(jdbc.queryForList("SELECT entity || ' ' || status || ' ' || suspicious_cap FROM sync_count_check "
                + "WHERE stage = 'gazelle' ORDER BY 1", String.class)).as("counts on a page boundary are flagged, and since the "
                + "reader asked for the page after each full last page, they are noted, not warned about")
                .containsExactly("gazelle_appointments OK false", "gazelle_clients OK false", "gazelle_invoices OK false",
                        "gazelle_pianos OK true", "gazelle_timeline_entries OK true", "gazelle_users OK false");
        assertThat(jdbc.queryForObject("SELECT message FROM sync_count_check WHERE entity = 'gazelle_timeline_entries' "
                + "AND stage = 'gazelle'", String.class)).contains("Compte rond : 1000").contains("lue jusqu'à sa fin");
        assertThat(execution.getExitStatus().getExitCode()).isEqualTo("COMPLETED");
    }

    @Test
    void anEntityThatGoesSilentAfterAGoodNightIsAWarning() throws Exception {
        GAZELLE.addClients(GazelleNodes.clients(3));
        JobExecution first = launches.runGazelleSync(TODAY, API);
        assertThat(first.getExitStatus().getExitCode()).isEqualTo("COMPLETED");
        GAZELLE.reset();

        JobExecution second = launches.runGazelleSync(TODAY, API);

        assertThat(second.getExitStatus().getExitCode()).isEqualTo(RunWarnings.COMPLETED_WITH_WARNINGS);
        assertThat(second.getExitStatus().getExitDescription())
                .contains("gazelle_clients : Aucun enregistrement cette nuit alors que la précédente en a donné 3");
    }

    @Test
    void handSetTagsAndThePlsFlagSurviveAnUpsertWithEmptyValues() throws Exception {
        GAZELLE.addClients(GazelleNodes.clients(3));
        GAZELLE.addPianos(List.of(GazelleNodes.piano(1, 1, false)));
        jdbc.update("INSERT INTO gazelle_clients (external_id, company_name, tags) VALUES (?, 'Avant', ARRAY['institutional'])",
                GazelleNodes.clientId(1));
        jdbc.update("INSERT INTO gazelle_pianos (external_id, dampp_chaser_installed, location) VALUES ('ins_T0000000001', true, 'MS')");

        launches.runGazelleSync(TODAY, API);

        assertThat(jdbc.queryForObject("SELECT array_to_string(tags, ',') FROM gazelle_clients WHERE external_id = ?", String.class,
                GazelleNodes.clientId(1))).isEqualTo("institutional");
        assertThat(jdbc.queryForObject("SELECT dampp_chaser_installed FROM gazelle_pianos WHERE external_id = 'ins_T0000000001'",
                Boolean.class)).isTrue();
        assertThat(jdbc.queryForObject("SELECT first_name FROM gazelle_clients WHERE external_id = ?", String.class,
                GazelleNodes.clientId(1))).isEqualTo("Prénom1");
    }

    @Test
    void aSecondRunWithoutChangeRewritesNoRowAndCountsEveryRecordUnchanged() throws Exception {
        GAZELLE.addClients(GazelleNodes.clients(30));
        GAZELLE.addPianos(List.of(GazelleNodes.piano(1, 1, true), GazelleNodes.piano(2, 2, false)));
        List<Map<String, Object>> timeline = new ArrayList<>();
        for (int n = 1; n <= 40; n++) {
            timeline.add(GazelleNodes.timelineEntry(n, 1 + n % 30, "2026-01-10T14:00:00Z", "Accord n° " + n + ". 21°, 36%"));
        }
        GAZELLE.addTimelineEntries(timeline);
        launches.runGazelleSync(TODAY, API);
        List<String> rowVersions = rowVersions();

        JobExecution second = launches.runGazelleSync(TODAY, new SyncOptions("api", null, true));

        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(rowVersions()).as("no row of a synced table was rewritten (same xmin)").isEqualTo(rowVersions);
        for (String step : List.of("gazelle-clients", "gazelle-pianos", "gazelle-timeline")) {
            var context = Steps.named(second, step).getExecutionContext();
            assertThat(context.getLong(SyncCounts.WRITTEN, 0L)).as(step + " written").isZero();
            assertThat(context.getLong(SyncCounts.UNCHANGED)).as(step + " unchanged").isEqualTo(context.getLong(SyncCounts.SOURCE_READ));
        }
        assertThat(jdbc.queryForObject("SELECT unchanged_count FROM sync_count_check WHERE stage = 'gazelle' "
                + "AND entity = 'gazelle_timeline_entries' AND job_execution_id = ?", Long.class, second.getId())).isEqualTo(40L);
    }

    @Test
    void aWriteSwallowedByTheDatabaseFailsTheRunAndNamesTheRecord() throws Exception {
        GAZELLE.addClients(GazelleNodes.clients(3));
        launches.runGazelleSync(TODAY, API);
        List<Map<String, Object>> edited = GazelleNodes.clients(3);
        edited.set(1, new java.util.HashMap<>(edited.get(1)));
        edited.get(1).put("companyName", "Nom changé");
        GAZELLE.reset();
        GAZELLE.addClients(edited);
        // What row-level security or a trigger can do to an upsert without raising anything: the row stays as it was.
        jdbc.execute("CREATE FUNCTION swallow() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NULL; END'");
        jdbc.execute("CREATE TRIGGER swallow BEFORE UPDATE ON gazelle_clients FOR EACH ROW EXECUTE FUNCTION swallow()");
        try {
            JobExecution execution = launches.runGazelleSync(TODAY, API);

            assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(Steps.named(execution, "gazelle-clients").getExitStatus().getExitDescription())
                    .contains("n'a pas pris effet pour 1 enregistrement(s), dont " + GazelleNodes.clientId(2));
        } finally {
            jdbc.execute("DROP TRIGGER swallow ON gazelle_clients");
            jdbc.execute("DROP FUNCTION swallow()");
        }
    }

    /** Every row of the synced tables with its row version: a rewrite, even to the same values, changes xmin. */
    private List<String> rowVersions() {
        return jdbc.queryForList("SELECT 'client|' || external_id || '|' || xmin::text FROM gazelle_clients "
                + "UNION ALL SELECT 'contact|' || external_id || '|' || xmin::text FROM gazelle_contacts "
                + "UNION ALL SELECT 'piano|' || external_id || '|' || xmin::text FROM gazelle_pianos "
                + "UNION ALL SELECT 'timeline|' || external_id || '|' || xmin::text FROM gazelle_timeline_entries ORDER BY 1",
                String.class);
    }

    @Test
    void anEditOfAnOldRecordIsPickedUpByTheNextRun() throws Exception {
        GAZELLE.addClients(GazelleNodes.clients(5));
        launches.runGazelleSync(TODAY, API);
        List<Map<String, Object>> edited = GazelleNodes.clients(5);
        edited.set(4, new java.util.HashMap<>(edited.get(4)));
        edited.get(4).put("companyName", "Nouveau nom (modifié)");
        edited.get(4).put("updatedAt", "2026-11-01T10:00:00Z");
        GAZELLE.reset();
        GAZELLE.addClients(edited);

        launches.runGazelleSync(TODAY, API);

        assertThat(jdbc.queryForObject("SELECT company_name FROM gazelle_clients WHERE external_id = ?", String.class,
                GazelleNodes.clientId(5))).isEqualTo("Nouveau nom (modifié)");
        assertThat(TestDatabase.count(jdbc, "gazelle_clients")).isEqualTo(5);
    }

    @Test
    void anAppointmentGazelleNoLongerReturnsIsMarkedCancelledNeverDeleted() throws Exception {
        GAZELLE.addClients(GazelleNodes.clients(1));
        GAZELLE.addEvents(List.of(
                GazelleNodes.appointment(1, 1, TODAY.plusDays(2) + "T15:00:00Z", "ACTIVE"),
                GazelleNodes.appointment(2, 1, TODAY.plusDays(3) + "T15:00:00Z", "ACTIVE")));
        launches.runGazelleSync(TODAY, API);
        GAZELLE.reset();
        GAZELLE.addClients(GazelleNodes.clients(1));
        GAZELLE.addEvents(List.of(GazelleNodes.appointment(1, 1, TODAY.plusDays(2) + "T15:00:00Z", "ACTIVE")));

        JobExecution second = launches.runGazelleSync(TODAY, API);

        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForList("SELECT external_id || ' ' || status || ' ' || (cancelled_detected_at IS NOT NULL) "
                + "FROM gazelle_appointments ORDER BY 1", String.class))
                .containsExactly("evt_T0000000001 ACTIVE false", "evt_T0000000002 CANCELED true");
    }

    @Test
    void tooManyVanishedAppointmentsCancelNothingAndWarn() throws Exception {
        List<Map<String, Object>> twelve = new ArrayList<>();
        for (int n = 1; n <= 12; n++) {
            twelve.add(GazelleNodes.appointment(n, 1, TODAY.plusDays(1 + n % 5) + "T15:00:00Z", "ACTIVE"));
        }
        GAZELLE.addClients(GazelleNodes.clients(1));
        GAZELLE.addEvents(twelve);
        launches.runGazelleSync(TODAY, API);
        GAZELLE.reset();
        GAZELLE.addClients(GazelleNodes.clients(1));

        JobExecution second = launches.runGazelleSync(TODAY, API);

        assertThat(second.getExitStatus().getExitCode()).isEqualTo(RunWarnings.COMPLETED_WITH_WARNINGS);
        assertThat(second.getExitStatus().getExitDescription()).contains("12 rendez-vous ont disparu de Gazelle d'un coup");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM gazelle_appointments WHERE status = 'CANCELED'", Integer.class)).isZero();
    }

    @Test
    void aRecordPointingAtAClientNotYetSyncedBringsItsClientFirst() throws Exception {
        GAZELLE.addClients(GazelleNodes.clients(1));
        GAZELLE.addEvents(List.of(GazelleNodes.appointment(1, 999, TODAY.plusDays(2) + "T15:00:00Z", "ACTIVE")));
        GAZELLE.addClientOnlyById(GazelleNodes.client(999, "2026-11-20T10:00:00Z"));

        JobExecution execution = launches.runGazelleSync(TODAY, API);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM gazelle_clients WHERE external_id = ?", Integer.class,
                GazelleNodes.clientId(999))).isEqualTo(1);
    }

    @Test
    void aGraphQlErrorFailsTheStepWithGazellesMessage() throws Exception {
        FAULTS.answer("allPianos", GazelleFaults.okJson("{\"errors\":[{\"message\":\"Cannot query field 'foo' on type 'Piano'\"}]}"));

        JobExecution execution = launches.runGazelleSync(TODAY, API);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(Steps.named(execution, "gazelle-pianos").getExitStatus().getExitDescription())
                .contains("Cannot query field 'foo' on type 'Piano'");
    }

    @Test
    void malformedJsonFailsTheStepAndNamesTheQuery() throws Exception {
        FAULTS.answer("allClients", GazelleFaults.okJson("{\"data\": {\"allClients\": {\"nodes\": [{\"id\": \"cli_"));

        JobExecution execution = launches.runGazelleSync(TODAY, API);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(Steps.named(execution, "gazelle-clients").getExitStatus().getExitDescription()).contains("allClients, page 1");
    }

    @Test
    void anExpiredTokenIsRefreshedOnceStoredAndTheRunGoesOn() throws Exception {
        GAZELLE.addUsers(List.of(GazelleNodes.user("usr_T0000000001", "Allan", "Y")));
        GAZELLE.expireAccessTokens();

        JobExecution execution = launches.runGazelleSync(TODAY, API);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(GAZELLE.unauthorizedRequests()).as("the first request, refused").isEqualTo(1);
        assertThat(GAZELLE.refreshes()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT value::text FROM system_settings WHERE key = 'gazelle_oauth_token'", String.class))
                .as("the new refresh token, stored at once").contains(GAZELLE.currentRefreshToken());
        assertThat(TestDatabase.count(jdbc, "gazelle_users")).isEqualTo(1);
    }

    @Test
    void shortLivedRotatingTokensAreRefreshedOneClientAtATimeAndTheNightCompletes() throws Exception {
        List<Map<String, Object>> timeline = new ArrayList<>();
        for (int n = 1; n <= 40; n++) {
            timeline.add(GazelleNodes.timelineEntry(n, 1, TODAY.minusDays(1 + n % 20) + "T14:00:00Z", "Visite " + n));
        }
        GAZELLE.addClients(GazelleNodes.clients(1));
        GAZELLE.addTimelineEntries(timeline);
        // Tokens that live two hours, well under the three days of early refresh, and a refresh token good once:
        // every step and every timeline slice starts its own client, most of them at the same time.
        GAZELLE.tokenLifetimeSeconds(7200);
        GAZELLE.expireAccessTokens();

        JobExecution execution = launches.runGazelleSync(TODAY, new SyncOptions("api", null, true));

        assertThat(execution.getStatus()).as(execution.getExitStatus().getExitDescription()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(TestDatabase.count(jdbc, "gazelle_timeline_entries")).isEqualTo(40);
        assertThat(GAZELLE.refreshes()).as("the first 401, then no refresh of a token with more than half its life left")
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT value::text FROM system_settings WHERE key = 'gazelle_oauth_token'", String.class))
                .contains(GAZELLE.currentRefreshToken());
    }

    @Test
    void aRefusedRefreshTokenFailsTheRunAndAsksAllanToReauthorise() throws Exception {
        GAZELLE.expireAccessTokens();
        GAZELLE.revokeRefreshToken();

        JobExecution execution = launches.runGazelleSync(TODAY, API);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(Steps.named(execution, "gazelle-users").getExitStatus().getExitDescription())
                .contains("Allan doit ré-autoriser Nocturne dans Gazelle").doesNotContain("renouvellement-initial-0123456789");
    }

    @Test
    void aRunThatFailsOnAPageKeepsTheCommittedPagesAndTheRestartEndsLikeACleanRun() throws Exception {
        List<Map<String, Object>> timeline = new ArrayList<>();
        for (int n = 1; n <= 650; n++) {
            timeline.add(GazelleNodes.timelineEntry(n, 1, "2026-01-" + String.format("%02d", 1 + n % 28) + "T14:00:00Z", "Visite " + n));
        }
        GAZELLE.addClients(GazelleNodes.clients(1));
        GAZELLE.addTimelineEntries(timeline);
        JobExecution clean = launches.runGazelleSync(TODAY, API);
        assertThat(clean.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<String> cleanTables = gazelleSnapshot();
        TestDatabase.clean(jdbc);

        FAULTS.answerPageAfter("allTimelineEntries", 500, aResponse().withStatus(503));
        JobExecution failed = launches.runGazelleSync(TODAY, API);

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(Steps.named(failed, "gazelle-timeline-slice:SERVICE_ENTRY_MANUAL").getExitStatus().getExitDescription())
                .contains("allTimelineEntries, page 6");
        assertThat(Steps.named(failed, "gazelle-timeline").getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(TestDatabase.count(jdbc, "gazelle_timeline_entries")).as("the two committed chunks of two pages").isEqualTo(400);

        FAULTS.reset();
        JobExecution restarted = launches.restart(failed.getId());

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(Steps.named(restarted, "gazelle-timeline").getReadCount()).as("resumes at page 5").isEqualTo(250);
        assertThat(failed.getStepExecutions()).extracting(s -> s.getStepName())
                .filteredOn(name -> name.startsWith("gazelle-timeline-slice:")).as("8 slices of types").hasSize(8);
        assertThat(restarted.getStepExecutions()).extracting(s -> s.getStepName())
                .filteredOn(name -> name.startsWith("gazelle-timeline-slice:")).as("only the unfinished slice runs again")
                .containsExactly("gazelle-timeline-slice:SERVICE_ENTRY_MANUAL");
        assertThat(gazelleSnapshot()).isEqualTo(cleanTables);
    }

    private List<Integer> counts() {
        List<Integer> counts = new ArrayList<>();
        for (String table : List.of("gazelle_users", "gazelle_clients", "gazelle_contacts", "gazelle_pianos", "gazelle_appointments",
                "gazelle_appointment_pianos", "gazelle_timeline_entries", "gazelle_invoices", "gazelle_invoice_items")) {
            counts.add(TestDatabase.count(jdbc, table));
        }
        return counts;
    }

    private List<String> gazelleSnapshot() {
        return jdbc.queryForList("""
                SELECT 'client|' || external_id || '|' || coalesce(company_name, '') || '|' || coalesce(first_name, '') FROM gazelle_clients
                UNION ALL SELECT 'contact|' || external_id || '|' || client_external_id FROM gazelle_contacts
                UNION ALL SELECT 'timeline|' || external_id || '|' || occurred_at || '|' || coalesce(description, '') FROM gazelle_timeline_entries
                ORDER BY 1""", String.class);
    }
}
