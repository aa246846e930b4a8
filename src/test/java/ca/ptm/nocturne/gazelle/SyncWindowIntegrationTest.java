package ca.ptm.nocturne.gazelle;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import static ca.ptm.nocturne.gazelle.CompletedRuns.completed;

import ca.ptm.nocturne.gazelle.source.GazelleQueries;
import ca.ptm.nocturne.gazelle.standin.GazelleStandIn;
import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.operations.SyncOptions;
import ca.ptm.nocturne.shared.time.BusinessTime;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.Steps;
import ca.ptm.nocturne.support.TestDatabase;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The incremental windows the API is asked for, read from the requests themselves: anchored on the last successful
 * run of each step, with their overlaps; the whole history on the first run and with --full.
 */
@NocturneIntegrationTest
class SyncWindowIntegrationTest {

    static final GazelleStandIn GAZELLE = GazelleStandIn.start();
    static final GazelleFaults FAULTS = new GazelleFaults(GAZELLE);

    static final SyncOptions API = new SyncOptions("api", null, false);
    static final SyncOptions FULL = new SyncOptions("api", null, true);
    static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 24);

    @DynamicPropertySource
    static void gazelle(DynamicPropertyRegistry registry) {
        FAULTS.registerProperties(registry);
    }

    @AfterAll
    static void stop() {
        FAULTS.close();
        GAZELLE.close();
    }

    final JsonMapper json = JsonMapper.builder().build();

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
    void theFirstRunReadsTheWholeHistory() throws Exception {
        JobExecution first = completed(launches.runGazelleSync(RUN_DATE, API));

        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<JsonNode> slices = timelineWindows();
        assertThat(slices).as("eight slices of types (nocturne.gazelle.timeline-partitions)").hasSize(8);
        assertThat(slices).allSatisfy(slice -> {
            assertThat(slice.has("occurredAtGet")).as("sent, as null").isTrue();
            assertThat(slice.get("occurredAtGet").isNull()).as("the whole history").isTrue();
        });
        List<String> types = slices.stream().flatMap(slice -> slice.path("types").valueStream()).map(JsonNode::asString).toList();
        assertThat(types).as("the 28 types of Gazelle, each in one slice").hasSize(28).doesNotHaveDuplicates();
        assertThat(countWindows()).as("the counts of the same window, asked once").hasSize(1)
                .allSatisfy(window -> assertThat(window.get("occurredAtGet").isNull()).isTrue());
        JsonNode events = lastVariables("allEventsBatched");
        assertThat(events.path("startOn").asString()).isEqualTo("2016-01-01");
        assertThat(events.path("endOn").asString()).isEqualTo(RUN_DATE.plusDays(90).toString());
    }

    @Test
    void theSecondRunIsAnchoredOnTheFirstRunsSteps() throws Exception {
        JobExecution first = completed(launches.runGazelleSync(RUN_DATE, API));
        Instant timelineStart = stepStart(first, "gazelle-timeline");
        Instant appointmentsStart = stepStart(first, "gazelle-appointments");
        FAULTS.server().resetRequests();

        LocalDate secondRunDate = RUN_DATE.plusDays(1);
        completed(launches.runGazelleSync(secondRunDate, API));

        String since = timelineWindows().get(0).path("occurredAtGet").asString();
        assertThat(since).as("Gazelle's CoreDateTime: UTC, to the second").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(Instant.parse(since)).isEqualTo(timelineStart.minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
        assertThat(timelineWindows()).extracting(w -> w.path("occurredAtGet").asString()).as("every slice, the same window")
                .containsOnly(since);
        assertThat(countWindows()).extracting(w -> w.path("occurredAtGet").asString()).containsExactly(since);
        JsonNode events = lastVariables("allEventsBatched");
        assertThat(events.path("startOn").asString())
                .isEqualTo(appointmentsStart.atZone(BusinessTime.ZONE).toLocalDate().minusDays(7).toString());
        assertThat(events.path("endOn").asString()).isEqualTo(secondRunDate.plusDays(90).toString());
    }

    @Test
    void aFullRunReadsTheWholeHistoryAgain() throws Exception {
        completed(launches.runGazelleSync(RUN_DATE, API));
        FAULTS.server().resetRequests();

        completed(launches.runGazelleSync(RUN_DATE, FULL));

        assertThat(timelineWindows().get(0).get("occurredAtGet").isNull()).isTrue();
        assertThat(lastVariables("allEventsBatched").path("startOn").asString()).isEqualTo("2016-01-01");
    }

    @Test
    void aFailedRunDoesNotMoveTheTimelineAnchor() throws Exception {
        JobExecution first = completed(launches.runGazelleSync(RUN_DATE, API));
        Instant anchor = stepStart(first, "gazelle-timeline").minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        FAULTS.answer("allTimelineEntries", aResponse().withStatus(503));
        FAULTS.server().resetRequests();
        JobExecution failed = launches.runGazelleSync(RUN_DATE, API);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(Steps.named(failed, "gazelle-timeline").getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(Instant.parse(timelineWindows().get(0).path("occurredAtGet").asString())).isEqualTo(anchor);
        launches.abandon(failed.getId());
        FAULTS.reset();

        completed(launches.runGazelleSync(RUN_DATE, API));

        assertThat(Instant.parse(timelineWindows().get(0).path("occurredAtGet").asString()))
                .as("the anchor is still the first run's timeline step").isEqualTo(anchor);
    }

    @Test
    void aRestartOfAFailedRunAsksForTheSameWindow() throws Exception {
        JobExecution first = completed(launches.runGazelleSync(RUN_DATE, API));
        Instant anchor = stepStart(first, "gazelle-timeline").minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        FAULTS.answer("allTimelineEntries", aResponse().withStatus(503));
        JobExecution failed = launches.runGazelleSync(RUN_DATE, API);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        FAULTS.reset();
        FAULTS.server().resetRequests();

        completed(launches.restart(failed.getId()));

        assertThat(Instant.parse(timelineWindows().get(0).path("occurredAtGet").asString())).isEqualTo(anchor);
    }

    @Test
    void aRunFromTheExportFilesDoesNotAnchorTheApiWindow() throws Exception {
        completed(launches.runGazelleSync(RUN_DATE, new SyncOptions("files", "jobs/samples/gazelle", false)));
        FAULTS.server().resetRequests();

        completed(launches.runGazelleSync(RUN_DATE, API));

        assertThat(timelineWindows()).as("the API's history has never been read: a run from the export files must not "
                + "narrow its windows").hasSize(8).allSatisfy(w -> assertThat(w.get("occurredAtGet").isNull()).isTrue());
        assertThat(lastVariables("allEventsBatched").path("startOn").asString()).isEqualTo("2016-01-01");
    }

    /** When the step started, as the job repository stored it (what the window is computed from). */
    private Instant stepStart(JobExecution execution, String step) {
        long id = Steps.named(execution, step).getId();
        LocalDateTime stored = jdbc.queryForObject("SELECT start_time FROM batch.batch_step_execution WHERE step_execution_id = ?",
                LocalDateTime.class, id);
        Instant instant = stored.toInstant(ZoneOffset.UTC);
        Instant inMemory = Steps.named(execution, step).getStartTime().toInstant(ZoneOffset.UTC);
        assertThat(Duration.between(instant, inMemory).abs()).isLessThan(Duration.ofMillis(1));
        return instant;
    }

    /**
     * The windows of the timeline's slices (variables but first/after), distinct, that the requests sent since the
     * journal was last reset: one per slice of types.
     */
    private List<JsonNode> timelineWindows() {
        return windowsOf(GazelleQueries.TIMELINE.text());
    }

    /** The windows the timeline's counts were asked for (the plan of the slices). */
    private List<JsonNode> countWindows() {
        return windowsOf(GazelleQueries.TIMELINE_COUNTS);
    }

    private List<JsonNode> windowsOf(String query) {
        List<LoggedRequest> requests = FAULTS.server().findAll(postRequestedFor(urlPathEqualTo(GazelleStandIn.GRAPHQL)))
                .stream().filter(r -> query.equals(json.readTree(r.getBodyAsString()).path("query").asString())).toList();
        assertThat(requests).as("requests of " + query.substring(0, 30)).isNotEmpty();
        return requests.stream().map(this::window).distinct().toList();
    }

    private JsonNode window(LoggedRequest request) {
        ObjectNode variables = (ObjectNode) json.readTree(request.getBodyAsString()).path("variables");
        variables.remove("first");
        variables.remove("after");
        return variables;
    }

    /**
     * The window variables (all but first/after) the requests for this connection sent since the journal was last
     * reset: every page of a run must ask for the same window.
     */
    private JsonNode lastVariables(String connection) {
        List<LoggedRequest> requests = FAULTS.server().findAll(postRequestedFor(urlPathEqualTo(GazelleStandIn.GRAPHQL))
                .withRequestBody(containing(connection + "(")));
        assertThat(requests).as("requests for " + connection).isNotEmpty();
        List<JsonNode> windows = requests.stream().map(r -> {
            ObjectNode variables = (ObjectNode) json.readTree(r.getBodyAsString()).path("variables");
            variables.remove("first");
            variables.remove("after");
            return (JsonNode) variables;
        }).distinct().toList();
        assertThat(windows).as("windows asked for " + connection).hasSize(1);
        return windows.get(0);
    }
}
