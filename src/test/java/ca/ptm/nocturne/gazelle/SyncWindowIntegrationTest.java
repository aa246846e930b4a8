package ca.ptm.nocturne.gazelle;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import static ca.ptm.nocturne.gazelle.CompletedRuns.completed;

import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.operations.SyncOptions;
import ca.ptm.nocturne.shared.time.BusinessTime;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.Steps;
import ca.ptm.nocturne.support.TestDatabase;
import com.github.tomakehurst.wiremock.WireMockServer;
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

    static final WireMockServer SERVER = GazelleStub.newServer();
    static final GazelleStub GAZELLE;

    static {
        SERVER.start();
        GAZELLE = new GazelleStub(SERVER);
    }

    static final SyncOptions API = new SyncOptions("api", null, false);
    static final SyncOptions FULL = new SyncOptions("api", null, true);
    static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 24);

    @DynamicPropertySource
    static void gazelle(DynamicPropertyRegistry registry) {
        GAZELLE.registerProperties(registry);
    }

    @AfterAll
    static void stop() {
        SERVER.stop();
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
    }

    @Test
    void theFirstRunReadsTheWholeHistory() throws Exception {
        JobExecution first = completed(launches.runGazelleSync(RUN_DATE, API));

        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<JsonNode> slices = timelineWindows();
        int thisYear = java.time.Year.now(BusinessTime.ZONE).getValue();
        assertThat(slices).as("one slice per year of history, 2016 to this year").hasSize(thisYear - 2015);
        assertThat(slices.get(0).has("occurredAtGet")).as("sent, as null").isTrue();
        assertThat(slices.get(0).get("occurredAtGet").isNull()).as("the first slice has no lower bound").isTrue();
        assertThat(slices.get(0).path("occurredAtLet").asString()).as("the last millisecond of 2016 in Montreal")
                .isEqualTo("2017-01-01T04:59:59.999Z");
        assertThat(slices.get(1).path("occurredAtGet").asString()).isEqualTo("2017-01-01T05:00:00Z");
        JsonNode last = slices.get(slices.size() - 1);
        assertThat(last.path("occurredAtGet").asString()).isEqualTo(java.time.LocalDate.of(thisYear, 1, 1)
                .atStartOfDay(BusinessTime.ZONE).toInstant().toString());
        assertThat(last.has("occurredAtLet")).as("the last slice has no upper bound: it also reads what comes after now")
                .isFalse();
        JsonNode events = lastVariables("allEventsBatched");
        assertThat(events.path("startOn").asString()).isEqualTo("2016-01-01");
        assertThat(events.path("endOn").asString()).isEqualTo(RUN_DATE.plusDays(90).toString());
    }

    @Test
    void theSecondRunIsAnchoredOnTheFirstRunsSteps() throws Exception {
        JobExecution first = completed(launches.runGazelleSync(RUN_DATE, API));
        Instant timelineStart = stepStart(first, "gazelle-timeline");
        Instant appointmentsStart = stepStart(first, "gazelle-appointments");
        SERVER.resetRequests();

        LocalDate secondRunDate = RUN_DATE.plusDays(1);
        completed(launches.runGazelleSync(secondRunDate, API));

        assertThat(Instant.parse(timelineWindows().get(0).path("occurredAtGet").asString()))
                .isEqualTo(timelineStart.minus(30, ChronoUnit.DAYS));
        JsonNode events = lastVariables("allEventsBatched");
        assertThat(events.path("startOn").asString())
                .isEqualTo(appointmentsStart.atZone(BusinessTime.ZONE).toLocalDate().minusDays(7).toString());
        assertThat(events.path("endOn").asString()).isEqualTo(secondRunDate.plusDays(90).toString());
    }

    @Test
    void aFullRunReadsTheWholeHistoryAgain() throws Exception {
        completed(launches.runGazelleSync(RUN_DATE, API));
        SERVER.resetRequests();

        completed(launches.runGazelleSync(RUN_DATE, FULL));

        assertThat(timelineWindows().get(0).get("occurredAtGet").isNull()).isTrue();
        assertThat(lastVariables("allEventsBatched").path("startOn").asString()).isEqualTo("2016-01-01");
    }

    @Test
    void aFailedRunDoesNotMoveTheTimelineAnchor() throws Exception {
        JobExecution first = completed(launches.runGazelleSync(RUN_DATE, API));
        Instant anchor = stepStart(first, "gazelle-timeline").minus(30, ChronoUnit.DAYS);
        GAZELLE.answerPage("allTimelineEntries", 1, aResponse().withStatus(503));
        SERVER.resetRequests();
        JobExecution failed = launches.runGazelleSync(RUN_DATE, API);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(Steps.named(failed, "gazelle-timeline").getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(Instant.parse(timelineWindows().get(0).path("occurredAtGet").asString())).isEqualTo(anchor);
        launches.abandon(failed.getId());
        GAZELLE.reset();

        completed(launches.runGazelleSync(RUN_DATE, API));

        assertThat(Instant.parse(timelineWindows().get(0).path("occurredAtGet").asString()))
                .as("the anchor is still the first run's timeline step").isEqualTo(anchor);
    }

    @Test
    void aRestartOfAFailedRunAsksForTheSameWindow() throws Exception {
        JobExecution first = completed(launches.runGazelleSync(RUN_DATE, API));
        Instant anchor = stepStart(first, "gazelle-timeline").minus(30, ChronoUnit.DAYS);
        GAZELLE.answerPage("allTimelineEntries", 1, aResponse().withStatus(503));
        JobExecution failed = launches.runGazelleSync(RUN_DATE, API);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        GAZELLE.reset();

        completed(launches.restart(failed.getId()));

        assertThat(Instant.parse(timelineWindows().get(0).path("occurredAtGet").asString())).isEqualTo(anchor);
    }

    @Test
    void aRunFromTheExportFilesDoesNotAnchorTheApiWindow() throws Exception {
        completed(launches.runGazelleSync(RUN_DATE, new SyncOptions("files", "jobs/samples/gazelle", false)));
        SERVER.resetRequests();

        completed(launches.runGazelleSync(RUN_DATE, API));

        assertThat(timelineWindows().get(0) + " " + lastVariables("allEventsBatched").path("startOn").asString())
                .as("the API's history has never been read: a run from the export files must not narrow its windows")
                .isEqualTo("{\"occurredAtGet\":null,\"occurredAtLet\":\"2017-01-01T04:59:59.999Z\"} 2016-01-01");
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
     * The windows of the timeline's slices (variables but first/after), in history order, that the requests sent since
     * the journal was last reset: a full history is one slice per year, an incremental night one slice.
     */
    private List<JsonNode> timelineWindows() {
        List<LoggedRequest> requests = SERVER.findAll(postRequestedFor(urlPathEqualTo(GazelleStub.GRAPHQL))
                .withRequestBody(containing("allTimelineEntries(")));
        assertThat(requests).as("requests for allTimelineEntries").isNotEmpty();
        return requests.stream().map(this::window)
                .sorted(java.util.Comparator.comparing(w -> w.path("occurredAtGet").isNull() ? "" : w.path("occurredAtGet").asString()))
                .distinct().toList();
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
        List<LoggedRequest> requests = SERVER.findAll(postRequestedFor(urlPathEqualTo(GazelleStub.GRAPHQL))
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
