package ca.ptm.nocturne.mail;

import java.nio.file.Path;
import java.util.List;

/** An email Nocturne sends: the morning summary with the PDF reports, or a failure alert. */
public record MailMessage(Kind kind, String subject, String body, List<Path> attachments) {

    public enum Kind { SUMMARY, ALERT }

    public MailMessage {
        attachments = List.copyOf(attachments);
    }
}
