package ca.ptm.nocturne.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.operations.SyncOptions;
import ca.ptm.nocturne.support.SampleInbox;
import ca.ptm.nocturne.support.TestDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * /actuator/health as a monitor and a load balancer see it (issues 20 and 21): 200 UP on a healthy process, 503 with
 * the failing component when the last night or the last Gazelle sync is older than 30 hours; anonymous callers get
 * the status alone, a logged-in user the components. And the step metrics a night leaves behind.
 */
@ConsoleIntegrationTest
class HealthAndMetricsIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JobLaunches launches;
    @Autowired
    MeterRegistry registry;
    @TempDir
    Path temp;

    @BeforeEach
    void clean() {
        TestDatabase.clean(jdbc);
    }

    @Test
    void aHealthyProcessAnswers200UpAndAnonymousCallersSeeTheStatusOnly() throws Exception {
        nightEndedHoursAgo(2);
        syncEndedHoursAgo(2);

        MvcResult anonymous = mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andReturn();
        assertThat(JSON.readTree(body(anonymous)).propertyNames()).as("status (and the probe groups' names) only")
                .containsExactlyInAnyOrder("status", "groups");
        assertThat(JSON.readTree(body(anonymous)).path("status").asString()).isEqualTo("UP");
        assertThat(body(anonymous)).doesNotContain("diskSpace").doesNotContain("lastSuccessfulNight").doesNotContain("path");

        JsonNode details = JSON.readTree(body(mvc.perform(get("/actuator/health").with(viewer())).andExpect(status().isOk()).andReturn()));
        assertThat(details.path("status").asString()).isEqualTo("UP");
        JsonNode components = details.path("components");
        for (String component : List.of("db", "lastNight", "gazelleSync", "readinessState", "livenessState")) {
            assertThat(components.path(component).path("status").asString()).as(component).isEqualTo("UP");
        }
        assertThat(components.path("lastNight").path("details").path("ageHours").asInt()).isEqualTo(2);
        assertThat(components.path("gazelleSync").path("details").path("ageHours").asInt()).isEqualTo(2);
        assertThat(components.has("broker")).as("no broker indicator in local partitioning mode").isFalse();
    }

    @Test
    void aLastNightOlderThan30HoursTurnsHealthDownWith503() throws Exception {
        nightEndedHoursAgo(31);
        syncEndedHoursAgo(2);

        MvcResult anonymous = mvc.perform(get("/actuator/health")).andExpect(status().isServiceUnavailable()).andReturn();
        assertThat(JSON.readTree(body(anonymous)).path("status").asString()).isEqualTo("DOWN");
        assertThat(body(anonymous)).doesNotContain("components").doesNotContain("lastNight");
        JsonNode components = JSON.readTree(body(mvc.perform(get("/actuator/health").with(viewer()))
                .andExpect(status().isServiceUnavailable()).andReturn())).path("components");
        assertThat(components.path("lastNight").path("status").asString()).isEqualTo("DOWN");
        assertThat(components.path("lastNight").path("details").path("ageHours").asInt()).isEqualTo(31);
        assertThat(components.path("gazelleSync").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void aLastSyncOlderThan30HoursTurnsHealthDownWith503() throws Exception {
        nightEndedHoursAgo(2);
        syncEndedHoursAgo(31);
        // a failed sync since then does not count as a sync
        jdbc.update("INSERT INTO sync_logs (sync_type, status, started_at, completed_at) VALUES ('full', 'error', now(), now())");

        mvc.perform(get("/actuator/health")).andExpect(status().isServiceUnavailable());
        JsonNode components = JSON.readTree(body(mvc.perform(get("/actuator/health").with(viewer()))
                .andExpect(status().isServiceUnavailable()).andReturn())).path("components");
        assertThat(components.path("gazelleSync").path("status").asString()).isEqualTo("DOWN");
        assertThat(components.path("gazelleSync").path("details").path("ageHours").asInt()).isEqualTo(31);
        assertThat(components.path("lastNight").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void aNightLeavesItsStepCountsInTheMetricsWhichNeedALogin() throws Exception {
        Map<String, Double> before = new HashMap<>();
        for (String kind : List.of("read", "written", "skipped")) {
            for (Counter counter : registry.find("nocturne.step.items").tag("job", "nightly").tag("kind", kind).counters()) {
                before.put(counter.getId().getTag("step") + "/" + kind, counter.count());
            }
        }
        JobExecution night = launches.runNightly(LocalDate.of(2026, 3, 3), SampleInbox.withSamples(temp).dir(), null,
                new SyncOptions("files", "jobs/samples/gazelle", false));
        assertThat(night.getStatus()).isEqualTo(BatchStatus.COMPLETED);

        long totalRead = 0;
        for (StepExecution step : night.getStepExecutions()) {
            Map<String, Long> expected = Map.of("read", step.getReadCount(), "written", step.getWriteCount(), "skipped", step.getSkipCount());
            for (var kind : expected.entrySet()) {
                Counter counter = registry.find("nocturne.step.items").tag("job", "nightly").tag("step", step.getStepName())
                        .tag("kind", kind.getKey()).counter();
                assertThat(counter).as(step.getStepName() + " " + kind.getKey()).isNotNull();
                double increment = counter.count() - before.getOrDefault(step.getStepName() + "/" + kind.getKey(), 0.0);
                assertThat(increment).as(step.getStepName() + " " + kind.getKey()).isEqualTo((double) kind.getValue());
            }
            assertThat(registry.find("nocturne.step.duration").tag("job", "nightly").tag("step", step.getStepName()).timer())
                    .as(step.getStepName()).isNotNull();
            totalRead += step.getReadCount();
        }
        assertThat(totalRead).as("the samples are read").isPositive();

        String importStep = night.getStepExecutions().stream().filter(s -> s.getReadCount() > 0).findFirst().orElseThrow().getStepName();
        String url = "/actuator/metrics/nocturne.step.items?tag=job:nightly&tag=step:" + importStep + "&tag=kind:read";
        mvc.perform(get(url)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        JsonNode metric = JSON.readTree(body(mvc.perform(get(url).with(viewer())).andExpect(status().isOk()).andReturn()));
        double shown = metric.path("measurements").get(0).path("value").asDouble();
        assertThat(shown).isEqualTo(registry.find("nocturne.step.items").tag("job", "nightly").tag("step", importStep)
                .tag("kind", "read").counter().count());
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor viewer() {
        return user("lecteur").roles(ConsoleUsers.VIEWER);
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private void nightEndedHoursAgo(int hours) {
        long instance = jdbc.queryForObject("SELECT nextval('batch.batch_job_instance_seq')", Long.class);
        jdbc.update("INSERT INTO batch.batch_job_instance (job_instance_id, version, job_name, job_key) VALUES (?, 0, 'nightly', md5(?::text))",
                instance, instance);
        jdbc.update("""
                INSERT INTO batch.batch_job_execution (job_execution_id, version, job_instance_id, create_time, start_time, end_time,
                    status, exit_code, exit_message, last_updated)
                SELECT nextval('batch.batch_job_execution_seq'), 1, ?, t - interval '20 minutes', t - interval '20 minutes', t,
                    'COMPLETED', 'COMPLETED', '', t FROM (SELECT (now() AT TIME ZONE 'UTC') - make_interval(hours => ?) - interval '5 minutes' AS t) x""",
                instance, hours);
    }

    private void syncEndedHoursAgo(int hours) {
        jdbc.update("INSERT INTO sync_logs (sync_type, status, started_at, completed_at) VALUES ('incremental', 'success', "
                + "now() - make_interval(hours => ?) - interval '10 minutes', now() - make_interval(hours => ?) - interval '5 minutes')", hours, hours);
    }
}
