package ca.ptm.nocturne.gazelle;

import static ca.ptm.nocturne.gazelle.CompletedRuns.completed;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.gazelle.partition.TimelinePlan;
import ca.ptm.nocturne.gazelle.source.GraphQlPageReader;
import ca.ptm.nocturne.gazelle.standin.GazelleStandIn;
import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.operations.SyncOptions;
import ca.ptm.nocturne.shared.batch.RunWarnings;
import ca.ptm.nocturne.shared.time.BusinessTime;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.Steps;
import ca.ptm.nocturne.support.TestDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
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
 * {@code run gazelle-sync --source=api --full}, then the next incremental night, on the DEFAULT settings (pages of 100,
 * chunks of 1,000, eight slices of types on four threads) against the schema-enforcing stand-in: exact counts in every
 * table, nested lists longer than a page read to their end, the timeline's slices proven complete by totalCount.
 */
@NocturneIntegrationTest
class GazelleFullSyncIntegrationTest {

    static final GazelleStandIn GAZELLE = GazelleStandIn.start();
    static final GazelleFaults FAULTS = new GazelleFaults(GAZELLE);
    static final LocalDate TODAY = BusinessTime.system().today();
    static final List<String> TYPES = List.of("CONTACT_EMAIL_AUTOMATED", "SCHEDULED_MESSAGE_EMAIL", "APPOINTMENT_LOG",
            "APPOINTMENT", "SERVICE_ENTRY_MANUAL", "CONTACT_SMS_AUTOMATED", "INVOICE", "INVOICE_PAYMENT", "USER_COMMENT",
            "SYSTEM_MESSAGE", "PIANO_MEASUREMENT", "ESTIMATE");
    static final int OLD_ENTRIES = 2_328;
    static final int RECENT_ENTRIES = 17;

    @DynamicPropertySource
    static void gazelle(DynamicPropertyRegistry registry) {
        FAULTS.registerProperties(registry);
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
        serveAnAtelier();
    }

    @Test
    void aFullSyncThenAnIncrementalNightOnTheDefaultSettings() throws Exception {
        JobExecution full = completed(launches.runGazelleSync(TODAY, new SyncOptions("api", null, true)));

        assertThat(counts()).as("users, clients, contacts, pianos, appointments, their pianos, timeline, invoices, items")
                .containsExactly(3, 120, 120, 150, 30, 130 + 29, OLD_ENTRIES + RECENT_ENTRIES, 40, 230 + 39);
        assertThat(GAZELLE.operations("EventPianos")).as("130 pianos of one event: 100, then one follow-up").isEqualTo(1);
        assertThat(GAZELLE.operations("InvoiceItems")).as("230 items of one invoice: 100, then two follow-ups").isEqualTo(2);
        assertThat(GAZELLE.operations("TimelineCounts")).isEqualTo(1);
        assertThat(full.getStepExecutions()).extracting(s -> s.getStepName())
                .filteredOn(name -> name.startsWith("gazelle-timeline-slice:")).hasSize(8);
        assertThat(Steps.named(full, "gazelle-timeline").getReadCount()).isEqualTo(OLD_ENTRIES + RECENT_ENTRIES);
        assertThat(Steps.named(full, "gazelle-timeline").getExecutionContext().getLong(TimelinePlan.PLANNED_TOTAL))
                .isEqualTo(OLD_ENTRIES + RECENT_ENTRIES);
        assertThat(full.getExitStatus().getExitDescription()).doesNotContain("d'un seul tenant");
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT piano_external_id) FROM gazelle_appointment_pianos "
                + "WHERE appointment_external_id = 'evt_T0000000001'", Integer.class)).isEqualTo(130);

        GAZELLE.resetCounts();
        List<Map<String, Object>> fresh = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            fresh.add(entry(90_000 + n, Instant.now().minus(n, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)));
        }
        GAZELLE.addTimelineEntries(fresh);
        JobExecution incremental = completed(launches.runGazelleSync(TODAY, new SyncOptions("api", null, false)));

        assertThat(TestDatabase.count(jdbc, "gazelle_timeline_entries")).isEqualTo(OLD_ENTRIES + RECENT_ENTRIES + 5);
        assertThat(Steps.named(incremental, "gazelle-timeline").getReadCount())
                .as("the last 30 days only: the recent entries and the new ones").isEqualTo(RECENT_ENTRIES + 5);
        assertThat(GAZELLE.nodesServed().get("allTimelineEntries")).isEqualTo(RECENT_ENTRIES + 5L);
        @SuppressWarnings("unchecked")
        Map<String, Object> window = (Map<String, Object>) Steps.named(incremental, "gazelle-timeline").getExecutionContext()
                .get(GraphQlPageReader.WINDOW);
        assertThat((String) window.get("occurredAtGet")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(counts()).containsExactly(3, 120, 120, 150, 30, 130 + 29, OLD_ENTRIES + RECENT_ENTRIES + 5, 40, 230 + 39);
    }

    @Test
    void typesThatDoNotAddUpToTheWholeFallBackToOneSliceWithAWarningAndLoseNothing() throws Exception {
        // What Gazelle would answer after adding a type Nocturne does not know: the known types miss some entries.
        FAULTS.server().stubFor(post(urlPathEqualTo(GazelleStandIn.GRAPHQL)).atPriority(1)
                .withRequestBody(containing("query TimelineCounts"))
                .willReturn(GazelleFaults.okJson("{\"data\": {\"all\": {\"totalCount\": " + (OLD_ENTRIES + RECENT_ENTRIES + 7)
                        + "}, \"APPOINTMENT\": {\"totalCount\": " + (OLD_ENTRIES + RECENT_ENTRIES) + "}}}")));

        JobExecution night = launches.runGazelleSync(TODAY, new SyncOptions("api", null, true));

        assertThat(night.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(night.getExitStatus().getExitCode()).isEqualTo(RunWarnings.COMPLETED_WITH_WARNINGS);
        assertThat(night.getExitStatus().getExitDescription()).contains("Chronologie Gazelle lue d'un seul tenant, sans partitions : "
                + "les types connus de la chronologie totalisent " + (OLD_ENTRIES + RECENT_ENTRIES) + " entrées sur "
                + (OLD_ENTRIES + RECENT_ENTRIES + 7));
        assertThat(night.getStepExecutions()).extracting(s -> s.getStepName())
                .filteredOn(name -> name.startsWith("gazelle-timeline-slice:")).containsExactly("gazelle-timeline-slice:all");
        assertThat(TestDatabase.count(jdbc, "gazelle_timeline_entries")).isEqualTo(OLD_ENTRIES + RECENT_ENTRIES);
    }

    @Test
    void aNestedListThatCannotBeReadToItsEndFailsTheStepNamingTheRecord() throws Exception {
        FAULTS.server().stubFor(post(urlPathEqualTo(GazelleStandIn.GRAPHQL)).atPriority(1)
                .withRequestBody(containing("query EventPianos"))
                .willReturn(GazelleFaults.okJson("{\"data\": {\"event\": null}}")));

        JobExecution night = launches.runGazelleSync(TODAY, new SyncOptions("api", null, true));

        assertThat(night.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(Steps.named(night, "gazelle-appointments").getExitStatus().getExitDescription())
                .contains("Gazelle n'a pas rendu la suite de les pianos du rendez-vous evt_T0000000001 (allEventPianos, page 2)");
        assertThat(TestDatabase.count(jdbc, "gazelle_appointment_pianos")).as("nothing written cut short").isZero();
    }

    /** An atelier: 3 users, 120 clients, 150 pianos, 30 appointments, 2,345 timeline entries since 2016, 40 invoices. */
    private static void serveAnAtelier() {
        GAZELLE.addUsers(List.of(GazelleNodes.user("usr_T0000000001", "Allan", "Y"), GazelleNodes.user("usr_T0000000002", "Gilles", "Z"),
                GazelleNodes.user("usr_T0000000003", "Nadia", "W")));
        GAZELLE.addClients(GazelleNodes.clients(120));
        List<Map<String, Object>> pianos = new ArrayList<>();
        for (int n = 1; n <= 150; n++) {
            pianos.add(GazelleNodes.piano(n, 1 + n % 120, n % 9 == 0));
        }
        GAZELLE.addPianos(pianos);
        List<Map<String, Object>> events = new ArrayList<>();
        for (int n = 1; n <= 30; n++) {
            events.add(GazelleNodes.appointment(n, 1 + n % 120, TODAY.plusDays(n % 20 - 5) + "T15:00:00Z", "ACTIVE"));
        }
        List<Map<String, Object>> manyPianos = new ArrayList<>();
        for (int p = 1; p <= 130; p++) {
            manyPianos.add(Map.of("piano", Map.of("id", String.format("ins_T%010d", p)), "isTuning", p % 2 == 0));
        }
        Map<String, Object> concert = new HashMap<>(events.get(0));
        concert.put("allEventPianos", manyPianos);
        events.set(0, concert);
        GAZELLE.addEvents(events);
        List<Map<String, Object>> timeline = new ArrayList<>();
        Instant start = Instant.parse("2016-01-04T14:00:00Z");
        long span = Instant.now().minus(60, ChronoUnit.DAYS).getEpochSecond() - start.getEpochSecond();
        for (int n = 1; n <= OLD_ENTRIES; n++) {
            timeline.add(entry(n, start.plusSeconds(span * n / OLD_ENTRIES)));
        }
        for (int n = 1; n <= RECENT_ENTRIES; n++) {
            timeline.add(entry(OLD_ENTRIES + n, Instant.now().minus(n * 12L, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)));
        }
        GAZELLE.addTimelineEntries(timeline);
        List<Map<String, Object>> invoices = new ArrayList<>();
        for (int n = 1; n <= 40; n++) {
            invoices.add(GazelleNodes.invoice(n, 1 + n % 120, 10_000 + n));
        }
        Map<String, Object> big = new HashMap<>(invoices.get(0));
        @SuppressWarnings("unchecked")
        Map<String, Object> item = ((List<Map<String, Object>>) big.get("allInvoiceItems")).get(0);
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 1; i <= 230; i++) {
            Map<String, Object> line = new HashMap<>(item);
            line.put("id", String.format("ini_B%010d", i));
            line.put("sequenceNumber", i);
            items.add(line);
        }
        big.put("allInvoiceItems", items);
        invoices.set(0, big);
        GAZELLE.addInvoices(invoices);
    }

    private static Map<String, Object> entry(int n, Instant when) {
        Map<String, Object> entry = GazelleNodes.timelineEntry(n, 1 + n % 120, when.toString(), "Note n° " + n);
        entry.put("type", TYPES.get(n % TYPES.size()));
        return entry;
    }

    private List<Integer> counts() {
        List<Integer> counts = new ArrayList<>();
        for (String table : List.of("gazelle_users", "gazelle_clients", "gazelle_contacts", "gazelle_pianos", "gazelle_appointments",
                "gazelle_appointment_pianos", "gazelle_timeline_entries", "gazelle_invoices", "gazelle_invoice_items")) {
            counts.add(TestDatabase.count(jdbc, table));
        }
        return counts;
    }
}
