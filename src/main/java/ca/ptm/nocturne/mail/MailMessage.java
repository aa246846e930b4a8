package ca.ptm.nocturne.mail;

import java.nio.file.Path;
import java.util.List;

/**
 * An email Nocturne sends: the morning summary with the PDF reports, a failure alert, or the night's new maintenance
 * alerts. {@code html} is the same content as {@code body} for mail clients that show HTML (null: plain text only).
 */
public record MailMessage(Kind kind, String subject, String body, String html, List<Path> attachments) {

    /** Each kind goes to a role: Allan gets the summary and the failures, Nicolas the maintenance alerts. */
    public enum Kind {
        SUMMARY(MailProperties.Role.OWNER), ALERT(MailProperties.Role.OWNER), MAINTENANCE(MailProperties.Role.ALERTS);

        private final MailProperties.Role role;

        Kind(MailProperties.Role role) {
            this.role = role;
        }

        public MailProperties.Role role() {
            return role;
        }
    }

    public MailMessage {
        attachments = List.copyOf(attachments);
    }

    public MailMessage(Kind kind, String subject, String body, List<Path> attachments) {
        this(kind, subject, body, null, attachments);
    }
}
