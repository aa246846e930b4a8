package ca.ptm.nocturne.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a message through the configured SMTP server, retrying a bounded number of times, or, with no SMTP server,
 * writes it as an .eml file into the outbox. Every attempt ends in mail_delivery; a message the server refused is
 * still written to the outbox, so a report is never lost.
 */
@Service
public class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    public record Result(String status, Path emlPath, int attempts) {
    }

    private final Optional<JavaMailSender> sender;
    private final MailProperties properties;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public MailDelivery(ObjectProvider<JavaMailSender> sender, MailProperties properties, JdbcTemplate jdbc,
                        PlatformTransactionManager transactionManager) {
        this.sender = Optional.ofNullable(sender.getIfAvailable());
        this.properties = properties;
        this.jdbc = jdbc;
        // The record of an attempt must survive the failure of the step that made it.
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** @throws MailDeliveryException when the SMTP server refused it every time (it is in the outbox then) */
    public Result deliver(Long jobExecutionId, MailMessage message) {
        if (sender.isEmpty()) {
            Path eml = writeToOutbox(message, compose(new MimeMessage(Session.getInstance(new Properties())), message));
            record(jobExecutionId, message, "OUTBOX", 0, eml, null);
            log.info("No SMTP server configured: {} written to {}", message.kind(), eml);
            return new Result("OUTBOX", eml, 0);
        }
        RuntimeException last = null;
        for (int attempt = 1; attempt <= properties.maxAttempts(); attempt++) {
            try {
                MimeMessage mime = compose(sender.get().createMimeMessage(), message);
                sender.get().send(mime);
                record(jobExecutionId, message, "SENT", attempt, null, null);
                return new Result("SENT", null, attempt);
            } catch (MailException | IllegalStateException e) {
                last = e;
                log.warn("Mail attempt {}/{} failed: {}", attempt, properties.maxAttempts(), e.getMessage());
                pause(attempt);
            }
        }
        Path eml = writeToOutbox(message, compose(new MimeMessage(Session.getInstance(new Properties())), message));
        String error = last.getMessage();
        record(jobExecutionId, message, "FAILED", properties.maxAttempts(), eml, error);
        throw new MailDeliveryException("Le serveur de courriel a refusé le message après " + properties.maxAttempts()
                + " tentatives (" + error + ") ; il est conservé dans " + eml, last);
    }

    private MimeMessage compose(MimeMessage mime, MailMessage message) {
        try {
            // mixed { alternative { text, html }, the PDFs }: a client without HTML shows the same content as text.
            boolean multipart = message.html() != null || !message.attachments().isEmpty();
            MimeMessageHelper helper = multipart
                    ? new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED, "UTF-8")
                    : new MimeMessageHelper(mime, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(properties.recipients(message.kind().role()).toArray(String[]::new));
            helper.setSubject(message.subject());
            if (message.html() != null) {
                helper.setText(message.body(), message.html());
            } else {
                helper.setText(message.body(), false);
            }
            for (Path attachment : message.attachments()) {
                // by name, FileDataSource would say application/octet-stream for a .pdf
                helper.addAttachment(attachment.getFileName().toString(), new FileSystemResource(attachment), contentType(attachment));
            }
            mime.saveChanges();
            return mime;
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot compose the email: " + e.getMessage(), e);
        }
    }

    static String contentType(Path attachment) {
        String name = attachment.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".pdf")) {
            return "application/pdf";
        }
        if (name.endsWith(".csv")) {
            return "text/csv";
        }
        return "application/octet-stream";
    }

    private Path writeToOutbox(MailMessage message, MimeMessage mime) {
        try {
            Files.createDirectories(properties.outbox());
            Path eml = properties.outbox().resolve(STAMP.format(LocalDateTime.now()) + "-" + message.kind().name().toLowerCase()
                    + ".eml").toAbsolutePath();
            try (OutputStream out = Files.newOutputStream(eml)) {
                mime.writeTo(out);
            }
            return eml;
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("Cannot write the email to the outbox " + properties.outbox() + ": " + e.getMessage(), e);
        }
    }

    private void record(Long jobExecutionId, MailMessage message, String status, int attempts, Path eml, String error) {
        ownTransaction.executeWithoutResult(tx -> jdbc.update("""
                INSERT INTO mail_delivery (job_execution_id, kind, recipients, subject, status, attempts, attachments, eml_path, error)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                jobExecutionId, message.kind().name(), String.join(", ", properties.recipients(message.kind().role())), message.subject(), status, attempts,
                message.attachments().size(), eml == null ? null : eml.toString(), error));
    }

    private void pause(int attempt) {
        if (attempt >= properties.maxAttempts()) {
            return;
        }
        try {
            Thread.sleep(properties.backoff().multipliedBy(attempt).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
