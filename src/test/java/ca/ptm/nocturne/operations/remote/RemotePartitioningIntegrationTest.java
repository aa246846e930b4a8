package ca.ptm.nocturne.operations.remote;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.gazelle.GazelleNodes;
import ca.ptm.nocturne.gazelle.partition.SliceRunnerStamp;
import ca.ptm.nocturne.gazelle.standin.GazelleStandIn;
import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.operations.SyncOptions;
import ca.ptm.nocturne.shared.time.BusinessTime;
import ca.ptm.nocturne.support.ChildNocturne;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.TableChecksums;
import ca.ptm.nocturne.support.TestDatabase;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Remote partitioning for real: this JVM runs the night's manager step, two worker processes started from the same
 * build take the timeline's slices (groups of types) from a RabbitMQ queue (the broker on 127.0.0.1:5672 of these machines), and
 * the tables must be those of a single-process run of the same history, row for row.
 */
@NocturneIntegrationTest
class RemotePartitioningIntegrationTest {

    static final String QUEUE = "nocturne.test-slices." + UUID.randomUUID();
    static final GazelleStandIn GAZELLE = GazelleStandIn.start();

    @DynamicPropertySource
    static void remote(DynamicPropertyRegistry registry) {
        GAZELLE.registerProperties(registry);
        registry.add("nocturne.partitioning.mode", () -> "remote");
        registry.add("nocturne.partitioning.queue", () -> QUEUE);
        registry.add("nocturne.partitioning.poll-interval", () -> "PT0.2S");
        registry.add("nocturne.partitioning.timeout", () -> "PT3M");
    }

    @AfterAll
    static void stop() throws Exception {
        GAZELLE.close();
        CachingConnectionFactory connections = new CachingConnectionFactory("127.0.0.1");
        try {
            new RabbitAdmin(connections).deleteQueue(QUEUE);
        } finally {
            connections.destroy();
        }
    }

    @Autowired
    JobLaunches launches;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @TempDir
    Path temp;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void stopChildren() throws Exception {
        for (Process child : children) {
            child.destroy();
            if (!child.waitFor(20, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }

    @Test
    void twoWorkerProcessesReadTheSlicesOfTypesAndTheTablesAreThoseOfASingleProcessRun() throws Exception {
        serveTenYearsOfHistory();
        TestDatabase.clean(jdbc);
        Process single = child("single.log", "local", "run", "gazelle-sync", "--source=api", "--full");
        assertThat(single.waitFor(3, TimeUnit.MINUTES)).as("single-process run ended").isTrue();
        assertThat(single.exitValue()).as("single-process run, exit code (0 or 3 with warnings)").isIn(0, 3);
        Map<String, String> singleProcess = TableChecksums.of(jdbc);
        assertThat(TestDatabase.count(jdbc, "gazelle_timeline_entries")).isEqualTo(3003);
        TestDatabase.clean(jdbc);

        Process first = child("worker-1.log", "remote", "worker");
        Process second = child("worker-2.log", "remote", "worker");
        ChildNocturne.awaitLog(first, temp.resolve("worker-1.log"), "Slice worker listening", 90_000);
        ChildNocturne.awaitLog(second, temp.resolve("worker-2.log"), "Slice worker listening", 90_000);
        JobExecution night = launches.runGazelleSync(BusinessTime.system().today(), new SyncOptions("api", null, true));

        assertThat(night.getStatus()).as(night.getExitStatus().getExitDescription()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(TableChecksums.of(jdbc)).as("the tables of a single-process run").isEqualTo(singleProcess);
        List<StepExecution> slices = launches.existing(night.getId()).getStepExecutions().stream()
                .filter(s -> s.getStepName().startsWith("gazelle-timeline-slice:")).toList();
        assertThat(slices).as("eight slices of types").hasSize(8)
                .allSatisfy(s -> assertThat(s.getStatus()).isEqualTo(BatchStatus.COMPLETED));
        Set<String> runners = new TreeSet<>();
        slices.forEach(s -> runners.add(s.getExecutionContext().getString(SliceRunnerStamp.RUNNER).split("/")[1]));
        assertThat(runners).as("the processes that ran the slices: both workers, never the manager")
                .containsExactlyInAnyOrder(String.valueOf(first.pid()), String.valueOf(second.pid()));
        assertThat(jdbc.queryForObject("SELECT source_count FROM sync_count_check WHERE stage = 'gazelle' AND entity = 'gazelle_timeline_entries'",
                Long.class)).as("the manager's totals sum every slice").isEqualTo(3003L);
    }

    /** 3,003 timeline entries of ten types spread over 2016 to this year; a Gazelle that answers each request in 150 ms. */
    private void serveTenYearsOfHistory() {
        GAZELLE.reset();
        GAZELLE.addClients(GazelleNodes.clients(57));
        List<String> types = List.of("CONTACT_EMAIL_AUTOMATED", "SCHEDULED_MESSAGE_EMAIL", "APPOINTMENT_LOG", "APPOINTMENT",
                "SERVICE_ENTRY_MANUAL", "CONTACT_SMS_AUTOMATED", "INVOICE", "INVOICE_PAYMENT", "USER_COMMENT", "SYSTEM_MESSAGE");
        int years = LocalDate.now(BusinessTime.ZONE).getYear() - 2015;
        List<Map<String, Object>> timeline = new ArrayList<>();
        for (int n = 1; n <= 3003; n++) {
            int year = 2016 + n % years;
            String when = year + "-" + String.format("%02d", 1 + n % 12) + "-" + String.format("%02d", 1 + n % 28) + "T14:00:00Z";
            Map<String, Object> entry = GazelleNodes.timelineEntry(n, 1 + n % 57, when, "Accord n° " + n + ". 21°, 36%");
            entry.put("type", types.get(n % types.size()));
            timeline.add(entry);
        }
        GAZELLE.addTimelineEntries(timeline);
        GAZELLE.latency(150);
    }

    private Process child(String log, String mode, String... args) throws Exception {
        Map<String, String> environment = new HashMap<>(GAZELLE.environment());
        environment.put("NOCTURNE_PARTITIONING_MODE", mode);
        environment.put("NOCTURNE_PARTITIONING_QUEUE", QUEUE);
        environment.put("NOCTURNE_MAIL_OUTBOX", temp.resolve("outbox").toString());
        Process child = ChildNocturne.start(dataSource, temp.resolve(log), environment, args);
        children.add(child);
        return child;
    }
}
