package ca.ptm.nocturne.operations.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.operations.NightlyLock;
import ca.ptm.nocturne.operations.OperationRefusedException;
import ca.ptm.nocturne.operations.SyncOptions;
import ca.ptm.nocturne.shared.time.BusinessTime;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.SampleInbox;
import ca.ptm.nocturne.support.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * serve mode on a clock the test moves: the tick at 02:00 Montreal launches the night of its date (spring-forward and
 * fall-back nights included), a failed night is left for an admin, and two schedulers ticking together run the night
 * once. The catch-up is never called here: only the ticks can launch a night.
 */
@NocturneIntegrationTest
@TestPropertySource(properties = {"nocturne.import.inbox=jobs/samples/import", "nocturne.gazelle.exports-dir=jobs/samples/gazelle"})
class NightlySchedulerIntegrationTest {

    static final ScheduleProperties AT_TWO = new ScheduleProperties(null, false, Duration.ofMillis(20));

    @Autowired
    JobLaunches launches;
    @Autowired
    NightlyLock lock;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path temp;

    final MovableClock clock = new MovableClock();
    final List<NightlyScheduler> started = new java.util.ArrayList<>();

    @BeforeEach
    void clean() {
        TestDatabase.clean(jdbc);
    }

    @AfterEach
    void stop() {
        started.forEach(NightlyScheduler::stop);
    }

    @Test
    void theTickAtTwoLaunchesTheNightOfItsDateAndNothingBefore() throws Exception {
        clock.set(montreal(2026, 1, 20, 1, 59, 59));
        NightlyScheduler scheduler = ticking();
        Thread.sleep(300);
        assertThat(nights()).as("nothing before 02:00").isEmpty();

        clock.set(montreal(2026, 1, 20, 2, 0, 0));
        awaitTick(scheduler, "2026-01-20T02:00-05:00[America/Montreal]");

        assertThat(nights()).containsExactly("2026-01-20 COMPLETED");
    }

    @Test
    void onTheSpringForwardNightTheNightRunsAtThreeInTheMorning() throws Exception {
        clock.set(montreal(2026, 3, 8, 1, 59, 59));
        NightlyScheduler scheduler = ticking();
        Thread.sleep(300);
        assertThat(nights()).isEmpty();

        // 01:59:59 EST is followed by 03:00:00 EDT: 02:00 does not exist that night.
        clock.set(Instant.parse("2026-03-08T07:00:00Z"));
        awaitTick(scheduler, "2026-03-08T03:00-04:00[America/Montreal]");

        assertThat(nights()).containsExactly("2026-03-08 COMPLETED");
    }

    @Test
    void onTheFallBackNightTheNightRunsOnceAtTheSecondTwoOClock() throws Exception {
        clock.set(Instant.parse("2026-11-01T05:30:00Z")); // 01:30 EDT, the first pass
        NightlyScheduler scheduler = ticking();
        Thread.sleep(300);
        clock.set(Instant.parse("2026-11-01T06:30:00Z")); // 01:30 EST, the hour again
        Thread.sleep(300);
        clock.set(Instant.parse("2026-11-01T06:59:59Z")); // 01:59:59 EST
        Thread.sleep(300);
        assertThat(nights()).as("the repeated hour is not 02:00").isEmpty();

        clock.set(Instant.parse("2026-11-01T07:00:00Z")); // 02:00 EST
        awaitTick(scheduler, "2026-11-01T02:00-05:00[America/Montreal]");
        clock.set(Instant.parse("2026-11-01T07:30:00Z"));
        Thread.sleep(300);

        assertThat(nights()).containsExactly("2026-11-01 COMPLETED");
    }

    @Test
    void aFailedNightIsNotRelaunchedByTheTickAndTheNextNightRuns() throws Exception {
        StringBuilder garbage = new StringBuilder("ProductId,Name,Sku,UnitCost,RetailPrice,Active,CreatedAt\n");
        for (int i = 0; i < 150; i++) {
            garbage.append(300 + i).append(",Produit ").append(i).append(",X-").append(i).append(",n/a,,True,\n");
        }
        assertThat(launches.runNightly(LocalDate.of(2026, 1, 14), SampleInbox.empty(temp).write("produits.csv",
                garbage.toString()).dir(), null, SyncOptions.DEFAULT).getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(nights()).containsExactly("2026-01-14 FAILED");

        clock.set(montreal(2026, 1, 14, 1, 59, 59));
        NightlyScheduler scheduler = ticking();
        clock.set(montreal(2026, 1, 14, 2, 0, 0));
        awaitTick(scheduler, "2026-01-14T02:00-05:00[America/Montreal]");
        assertThat(nights()).as("the tick left the failed night to jobs restart").containsExactly("2026-01-14 FAILED");

        clock.set(montreal(2026, 1, 15, 2, 0, 0));
        awaitTick(scheduler, "2026-01-15T02:00-05:00[America/Montreal]");

        assertThat(nights()).containsExactly("2026-01-14 FAILED", "2026-01-15 COMPLETED");
    }

    @Test
    void twoSchedulersTickingTogetherRunTheNightOnce() throws Exception {
        clock.set(montreal(2026, 1, 21, 1, 59, 59));
        NightlyScheduler first = ticking();
        NightlyScheduler second = ticking();
        clock.set(montreal(2026, 1, 21, 2, 0, 0));
        awaitTick(first, "2026-01-21T02:00-05:00[America/Montreal]");
        awaitTick(second, "2026-01-21T02:00-05:00[America/Montreal]");

        assertThat(nights()).containsExactly("2026-01-21 COMPLETED");
    }

    @Test
    void aNightLaunchedWhileAnotherProcessRunsOneIsRefusedWithTheReason() throws Exception {
        try (NightlyLock.Held heldByAnotherProcess = lock.tryAcquire()) {
            assertThat(heldByAnotherProcess).isNotNull();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> launches.runNightly(LocalDate.of(2026, 3, 3), null, null,
                            SyncOptions.DEFAULT))
                    .isInstanceOf(OperationRefusedException.class)
                    .hasMessageContaining("Une nuit est déjà en cours dans un autre processus");
        }
        assertThat(TestDatabase.count(jdbc, "batch.batch_job_execution")).isZero();
    }

    private NightlyScheduler ticking() {
        NightlyScheduler scheduler = new NightlyScheduler(launches, AT_TWO, clock);
        started.add(scheduler);
        scheduler.startTicks();
        return scheduler;
    }

    /** Waits until this scheduler has handled the tick of this time (launched, refused or skipped its night). */
    private static void awaitTick(NightlyScheduler scheduler, String tick) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (scheduler.lastTick() == null || !scheduler.lastTick().toString().equals(tick)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("The tick " + tick + " was never handled; last: " + scheduler.lastTick());
            }
            Thread.sleep(20);
        }
    }

    private List<String> nights() {
        return jdbc.queryForList("SELECT p.parameter_value || ' ' || e.status FROM batch.batch_job_execution e "
                + "JOIN batch.batch_job_instance i ON i.job_instance_id = e.job_instance_id "
                + "JOIN batch.batch_job_execution_params p ON p.job_execution_id = e.job_execution_id AND p.parameter_name = 'date' "
                + "WHERE i.job_name = 'nightly' ORDER BY e.job_execution_id", String.class);
    }

    private static Instant montreal(int year, int month, int day, int hour, int minute, int second) {
        return LocalDateTime.of(year, month, day, hour, minute, second).atZone(BusinessTime.ZONE).toInstant();
    }

    /** A clock that stands still until the test moves it. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.EPOCH;

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
