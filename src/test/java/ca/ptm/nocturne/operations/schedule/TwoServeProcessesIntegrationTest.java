package ca.ptm.nocturne.operations.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.shared.time.BusinessTime;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two real {@code serve} processes on the same database, with a cron that ticks every two seconds and no catch-up
 * at start-up (so only the ticks can launch it): the night of the day runs exactly once, whichever process gets there
 * first.
 */
@NocturneIntegrationTest
class TwoServeProcessesIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @TempDir
    Path temp;

    @BeforeEach
    void clean() {
        TestDatabase.clean(jdbc);
    }

    @Test
    void twoServeProcessesTickingTogetherRunTheNightOnce() throws Exception {
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            processes.add(serve(i));
        }
        long deadline = System.currentTimeMillis() + 300_000;
        while (completedNights() == 0) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("No night completed within 5 minutes:\n" + java.nio.file.Files.readString(temp.resolve("serve-0.log"))
                        + "\n" + java.nio.file.Files.readString(temp.resolve("serve-1.log")));
            }
            Thread.sleep(250);
        }
        Thread.sleep(5_000);
        for (Process process : processes) {
            process.destroy();
            process.waitFor();
        }

        assertThat(jdbc.queryForList("SELECT e.status FROM batch.batch_job_execution e JOIN batch.batch_job_instance i "
                + "ON i.job_instance_id = e.job_instance_id WHERE i.job_name = 'nightly'", String.class))
                .as("one execution of tonight's night, launched by one of the two processes").containsExactly("COMPLETED");
        assertThat(jdbc.queryForObject("SELECT p.parameter_value FROM batch.batch_job_execution_params p "
                + "WHERE p.parameter_name = 'date'", String.class)).isEqualTo(LocalDate.now(BusinessTime.ZONE).toString());
    }

    private int completedNights() {
        return jdbc.queryForObject("SELECT count(*) FROM batch.batch_job_execution e JOIN batch.batch_job_instance i "
                + "ON i.job_instance_id = e.job_instance_id WHERE i.job_name = 'nightly' AND e.status = 'COMPLETED'", Integer.class);
    }

    private Process serve(int index) throws Exception {
        HikariDataSource hikari = (HikariDataSource) dataSource;
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.timezone=UTC", "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                "ca.ptm.nocturne.NocturneApplication", "serve", "--nocturne.schedule.cron=*/2 * * * * *", "--nocturne.schedule.catch-up=false", "--server.port=0",
                "--nocturne.import.inbox=jobs/samples/import", "--nocturne.gazelle.exports-dir=jobs/samples/gazelle")
                .redirectErrorStream(true).redirectOutput(temp.resolve("serve-" + index + ".log").toFile());
        builder.environment().put("SPRING_DATASOURCE_URL", hikari.getJdbcUrl());
        builder.environment().put("SPRING_DATASOURCE_USERNAME", hikari.getUsername());
        builder.environment().put("NOCTURNE_MAIL_OUTBOX", temp.resolve("outbox").toString());
        builder.environment().put("NOCTURNE_REPORTS_OUTPUT_DIR", temp.resolve("reports").toString());
        return builder.start();
    }
}
