package ca.ptm.nocturne.mail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who receives what, by role, and what happens when no SMTP server is configured: the message is written as an .eml
 * file into the outbox. {@code to} (Allan) gets the morning report and the failures; {@code alertsTo} (Nicolas) the
 * night's new maintenance alerts, and when it is empty they go to {@code to}. The SMTP server itself is Spring Mail's
 * {@code spring.mail.*} (SPRING_MAIL_HOST, SPRING_MAIL_PORT, SPRING_MAIL_USERNAME, SPRING_MAIL_PASSWORD, TLS properties).
 */
@ConfigurationProperties("nocturne.mail")
public record MailProperties(List<String> to, List<String> alertsTo, String from, Path outbox, int maxAttempts,
                             Duration backoff) {

    public enum Role { OWNER, ALERTS }

    public MailProperties {
        to = clean(to);
        to = to.isEmpty() ? List.of("allan@example.invalid") : to;
        alertsTo = clean(alertsTo);
        from = from == null ? "nocturne@example.invalid" : from;
        outbox = outbox == null ? Path.of("var", "outbox") : outbox;
        maxAttempts = maxAttempts <= 0 ? 3 : maxAttempts;
        backoff = backoff == null ? Duration.ofSeconds(5) : backoff;
    }

    /** The addresses of a role; an empty role falls back to Allan's. */
    public List<String> recipients(Role role) {
        return role == Role.ALERTS && !alertsTo.isEmpty() ? alertsTo : to;
    }

    private static List<String> clean(List<String> addresses) {
        return addresses == null ? List.of() : addresses.stream().filter(a -> a != null && !a.isBlank()).map(String::strip).toList();
    }
}
