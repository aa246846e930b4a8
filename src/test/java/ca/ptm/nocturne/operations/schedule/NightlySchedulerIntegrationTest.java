package ca.ptm.nocturne.operations.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.operations.NightlyLock;
import ca.ptm.nocturne.operations.OperationRefusedException;
import ca.ptm.nocturne.operations.SyncOptions;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.TestDatabase;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** serve mode: one night per tick, even when two schedulers (two processes) tick together. */
@NocturneIntegrationTest
@TestPropertySource(properties = {"nocturne.schedule.cron=*/1 * * * * *", "nocturne.import.inbox=jobs/samples/import",
        "nocturne.gazelle.exports-dir=jobs/samples/gazelle"})
class NightlySchedulerIntegrationTest {

    @Autowired
    JobLaunches launches;
    @Autowired
    NightlyLock lock;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void clean() {
        TestDatabase.clean(jdbc);
    }

    @Test
    void twoSchedulersTickingTogetherRunTheNightOnce() throws Exception {
        NightlyScheduler first = new NightlyScheduler(launches, new ScheduleProperties("*/1 * * * * *"));
        NightlyScheduler second = new NightlyScheduler(launches, new ScheduleProperties("*/1 * * * * *"));
        first.start();
        second.start();
        Thread.sleep(4_000);
        first.stop();
        second.stop();
        Thread.sleep(1_000);

        assertThat(jdbc.queryForList("SELECT p.parameter_value || ' ' || e.status FROM batch.batch_job_execution e "
                + "JOIN batch.batch_job_instance i ON i.job_instance_id = e.job_instance_id "
                + "JOIN batch.batch_job_execution_params p ON p.job_execution_id = e.job_execution_id AND p.parameter_name = 'date' "
                + "WHERE i.job_name = 'nightly'", String.class))
                .containsExactly(LocalDate.now(ca.ptm.nocturne.shared.time.BusinessTime.ZONE) + " COMPLETED");
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
}
