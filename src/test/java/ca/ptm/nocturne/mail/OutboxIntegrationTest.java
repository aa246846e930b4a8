package ca.ptm.nocturne.mail;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.operations.SyncOptions;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.SampleInbox;
import ca.ptm.nocturne.support.Steps;
import ca.ptm.nocturne.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** With no SMTP server configured, the morning email is written as an .eml file into the outbox. */
@NocturneIntegrationTest
class OutboxIntegrationTest {

    @Autowired
    JobLaunches launches;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path temp;

    @BeforeEach
    void clean() {
        TestDatabase.clean(jdbc);
    }

    @Test
    void withoutSmtpTheSummaryIsWrittenToTheOutboxAndTheRunSaysWhere() throws Exception {
        JobExecution night = launches.runNightly(LocalDate.of(2026, 2, 2), SampleInbox.withSamples(temp).dir(), null,
                new SyncOptions("files", "jobs/samples/gazelle", false));

        assertThat(night.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        String eml = Steps.named(night, "send-morning-email").getExecutionContext().getString("mail.eml");
        assertThat(eml).endsWith("-summary.eml");
        String message = Files.readString(Path.of(eml), StandardCharsets.UTF_8);
        assertThat(message).contains("Subject: =?UTF-8?").contains("allan@example.invalid");
        assertThat(jdbc.queryForObject("SELECT status FROM mail_delivery WHERE kind = 'SUMMARY'", String.class)).isEqualTo("OUTBOX");
        assertThat(message).contains("Content-Type: multipart/alternative").contains("Content-Type: text/html")
                .contains("Content-Type: application/pdf; name=inventaire-pianos-2026-02-02.pdf");
    }
}
