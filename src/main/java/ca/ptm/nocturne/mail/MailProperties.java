package ca.ptm.nocturne.mail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who receives the morning email and the alerts, and what happens when no SMTP server is configured: the message is
 * written as an .eml file into the outbox. The SMTP server itself is Spring Mail's {@code spring.mail.*}
 * (SPRING_MAIL_HOST, SPRING_MAIL_PORT, SPRING_MAIL_USERNAME, SPRING_MAIL_PASSWORD, TLS properties).
 */
@ConfigurationProperties("nocturne.mail")
public record MailProperties(List<String> to, String from, Path outbox, int maxAttempts, Duration backoff) {

    public MailProperties {
        to = to == null || to.isEmpty() ? List.of("allan@example.invalid") : List.copyOf(to);
        from = from == null ? "nocturne@example.invalid" : from;
        outbox = outbox == null ? Path.of("var", "outbox") : outbox;
        maxAttempts = maxAttempts <= 0 ? 3 : maxAttempts;
        backoff = backoff == null ? Duration.ofSeconds(5) : backoff;
    }
}
