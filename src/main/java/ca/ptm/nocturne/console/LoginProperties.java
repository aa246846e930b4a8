package ca.ptm.nocturne.console;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Console login throttling ({@code nocturne.console.login.*}).
 *
 * @param maxFailures    consecutive failures for one user name before that name is locked (5)
 * @param lockDuration   how long the name stays locked, whatever the password (15 minutes)
 * @param addressDelay   added wait per failure from one source address past {@code maxFailures} (1 s; at most 10 s),
 *                       so one address trying many names is slowed too
 */
@ConfigurationProperties("nocturne.console.login")
public record LoginProperties(Integer maxFailures, Duration lockDuration, Duration addressDelay) {

    static final Duration MAX_ADDRESS_DELAY = Duration.ofSeconds(10);

    public LoginProperties {
        maxFailures = maxFailures == null || maxFailures <= 0 ? 5 : maxFailures;
        lockDuration = lockDuration == null || lockDuration.isNegative() || lockDuration.isZero() ? Duration.ofMinutes(15) : lockDuration;
        addressDelay = addressDelay == null || addressDelay.isNegative() ? Duration.ofSeconds(1) : addressDelay;
    }
}
