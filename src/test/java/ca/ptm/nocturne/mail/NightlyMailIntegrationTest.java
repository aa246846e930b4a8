package ca.ptm.nocturne.mail;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.operations.SyncOptions;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.SampleInbox;
import ca.ptm.nocturne.support.Steps;
import ca.ptm.nocturne.support.TestDatabase;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** The morning email and the failure alert through a real SMTP server (GreenMail). */
@NocturneIntegrationTest
@TestPropertySource(properties = {"spring.mail.host=localhost", "nocturne.mail.to=allan@ptm.test",
        "nocturne.mail.alerts-to=nicolas@ptm.test",
        "nocturne.mail.from=nocturne@ptm.test", "nocturne.mail.max-attempts=2", "nocturne.mail.backoff=PT0.01S",
        "spring.mail.properties.mail.smtp.connectiontimeout=2000", "spring.mail.properties.mail.smtp.timeout=2000"})
class NightlyMailIntegrationTest {

    static final int SMTP_PORT = freePort();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "localhost", "smtp"));

    @org.springframework.test.context.DynamicPropertySource
    static void port(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

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
    void aCompletedNightSendsAllanOneSummaryInFrench() throws Exception {
        JobExecution night = launches.runNightly(LocalDate.of(2026, 1, 15), SampleInbox.withSamples(temp).dir(), null,
                new SyncOptions("files", "jobs/samples/gazelle", false));

        assertThat(night.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        MimeMessage[] received = smtp.getReceivedMessages();
        // the samples' measurement of 10 January (32 %, below the band) is the night's one new maintenance alert
        assertThat(received).hasSize(2);
        MimeMessage summary = java.util.Arrays.stream(received).filter(m -> subject(m).startsWith("Nocturne — nuit du"))
                .findFirst().orElseThrow();
        assertThat(summary.getSubject()).matches("Nocturne — nuit du 15 janvier 2026 : terminée avec \\d+ avertissement\\(s\\)");
        assertThat(summary.getAllRecipients()).extracting(Object::toString).containsExactly("allan@ptm.test");
        assertThat(summary.getContentType()).startsWith("multipart/mixed");
        jakarta.mail.internet.MimeMultipart parts = (jakarta.mail.internet.MimeMultipart) summary.getContent();
        List<String> attachments = new java.util.ArrayList<>();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).getFileName() != null) {
                attachments.add(parts.getBodyPart(i).getFileName());
                assertThat(parts.getBodyPart(i).getContentType()).as(parts.getBodyPart(i).getFileName())
                        .startsWith("application/pdf");
            }
        }
        assertThat(attachments).hasSize(5).allMatch(name -> name.endsWith(".pdf"))
                .contains("inventaire-pianos-2026-01-15.pdf", "facturation-pda-2026-01.pdf");
        jakarta.mail.internet.MimeMultipart alternative = (jakarta.mail.internet.MimeMultipart) parts.getBodyPart(0).getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getCount()).isEqualTo(2);
        assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
        String body = textOf(parts);
        assertThat(body).contains("Bonjour Allan").contains("Import des fichiers historiques")
                .contains("pda-demandes-2025-11.csv").contains("Synchronisation Gazelle").contains("Contrôle des comptes")
                .contains("fournitures-stock.csv : 2 ligne(s) rejetée(s)")
                .contains("Parc et entretien : 2 piano(s) des inventaires reliés à Gazelle, 1 nouvelle(s) alerte(s) d'entretien "
                        + "(envoyées dans un courriel à part).");
        String html = alternative.getBodyPart(1).getContent().toString();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("name=\"viewport\"")
                .contains("terminée avec ").contains("#8a4b00")             // the status in words and in colour
                .contains("<li style=\"margin:0 0 4px 0;\">fournitures-stock.csv : 2 ligne(s) rejetée(s)")
                .contains(">Import des fichiers historiques</h2>").contains(">Synchronisation Gazelle</h2>")
                .contains(">Contrôle des comptes</h2>").contains("<td style=\"text-align:left;padding:4px 6px;border-bottom:1px solid #dddddd;\">pda-demandes-2025-11.csv</td>")
                .doesNotContain("<img").doesNotContain("<link").doesNotContain("http://").doesNotContain("https://");
        assertThat(html.split("<table", -1)).hasSize(4);
        assertThat(jdbc.queryForObject("SELECT status || ' ' || attempts FROM mail_delivery WHERE kind = 'SUMMARY'", String.class))
                .isEqualTo("SENT 1");

        MimeMessage alerts = java.util.Arrays.stream(received).filter(m -> m != summary).findFirst().orElseThrow();
        assertThat(alerts.getSubject()).isEqualTo("Nocturne — 1 nouvelle(s) alerte(s) d'entretien (nuit du 15 janvier 2026)");
        assertThat(alerts.getAllRecipients()).extracting(Object::toString).containsExactly("nicolas@ptm.test");
        String alertText = textOf((jakarta.mail.internet.MimeMultipart) alerts.getContent());
        assertThat(alertText).contains("Bonjour Nicolas").contains("10 janvier 2026, humidité hors plage — École de musique")
                .contains("Humidité 32 % hors de la plage 35 à 55 %");
        assertThat(jdbc.queryForList("SELECT kind || ' ' || recipients || ' ' || status FROM mail_delivery ORDER BY id", String.class))
                .containsExactly("MAINTENANCE nicolas@ptm.test SENT", "SUMMARY allan@ptm.test SENT");
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFailedRunAlertsAllanWithTheStepTheErrorAndTheRestartCommand() throws Exception {
        StringBuilder garbage = new StringBuilder("ProductId,Name,Sku,UnitCost,RetailPrice,Active,CreatedAt\n");
        for (int i = 0; i < 150; i++) {
            garbage.append(300 + i).append(",Produit ").append(i).append(",X-").append(i).append(",n/a,,True,\n");
        }
        JobExecution failed = launches.runImport(SampleInbox.empty(temp).write("produits.csv", garbage.toString()).dir(), null);

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        MimeMessage alert = smtp.getReceivedMessages()[0];
        assertThat(alert.getSubject()).isEqualTo("Nocturne — ÉCHEC de « import » du "
                + java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.CANADA_FRENCH)
                .format(LocalDate.now(ca.ptm.nocturne.shared.time.BusinessTime.ZONE)) + " (étape import-products)");
        assertThat(alert.getContent().toString()).contains("Trop de lignes rejetées dans produits.csv")
                .contains("jobs restart " + failed.getId()).contains("produits.csv, ligne 2, champ unit_cost : BAD_AMOUNT");
    }

    @Test
    void aMailServerThatRefusesFailsOnlyTheMailStepAndTheRestartSendsItOnce() throws Exception {
        smtp.stop();
        JobExecution night = launches.runNightly(LocalDate.of(2026, 3, 16), SampleInbox.withSamples(temp).dir(), null,
                new SyncOptions("files", "jobs/samples/gazelle", false));

        assertThat(night.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(Steps.named(night, "send-morning-email").getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(Steps.named(night, "validate-gazelle").getStatus()).as("the data stages completed").isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForList("SELECT kind || ' ' || status FROM mail_delivery ORDER BY id", String.class))
                .containsExactly("SUMMARY FAILED", "ALERT FAILED");
        assertThat(jdbc.queryForObject("SELECT eml_path FROM mail_delivery WHERE kind = 'SUMMARY'", String.class))
                .as("kept in the outbox").endsWith("-summary.eml");
        int pdaRows = TestDatabase.count(jdbc, "pda_request");

        smtp.start();
        JobExecution restarted = launches.restart(night.getId());

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getStepExecutions()).extracting(s -> s.getStepName()).containsExactly("send-morning-email");
        assertThat(smtp.getReceivedMessages()[0].getContent()).isInstanceOf(jakarta.mail.internet.MimeMultipart.class);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(TestDatabase.count(jdbc, "pda_request")).isEqualTo(pdaRows);
    }

    @Test
    void aMailServerThatNeverAnswersTimesOutIsRecordedAndTheRestartSendsTheEmail() throws Exception {
        smtp.stop();
        JobExecution night;
        java.util.List<java.net.Socket> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(SMTP_PORT)) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (!silent.isClosed()) {
                        accepted.add(silent.accept());   // accepts and never says hello: the client's read times out
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            night = launches.runNightly(LocalDate.of(2026, 3, 17), SampleInbox.withSamples(temp).dir(), null,
                    new SyncOptions("files", "jobs/samples/gazelle", false));
        } finally {
            // A connection left open (CLOSE_WAIT) keeps the port bound and GreenMail could not listen on it again.
            for (java.net.Socket socket : accepted) {
                socket.close();
            }
        }

        assertThat(night.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(Steps.named(night, "send-morning-email").getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(jdbc.queryForObject("SELECT error FROM mail_delivery WHERE kind = 'SUMMARY'", String.class))
                .containsIgnoringCase("timed out");

        smtp.start();
        JobExecution restarted = launches.restart(night.getId());

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    private static String textOf(jakarta.mail.internet.MimeMultipart parts) throws Exception {
        for (int i = 0; i < parts.getCount(); i++) {
            Object content = parts.getBodyPart(i).getContent();
            if (content instanceof String text) {
                return text;
            }
            if (content instanceof jakarta.mail.internet.MimeMultipart nested) {
                return textOf(nested);
            }
        }
        return "";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
