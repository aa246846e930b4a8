package ca.ptm.nocturne.console;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts failed console logins per user name (console_login_failure, shared by every process on the database, so a
 * restart does not reset it) and per source address (in memory). After {@code maxFailures} consecutive failures a
 * name is locked for {@code lockDuration} whatever the password; names that do not exist are counted and locked the
 * same way, so a lock tells nothing about who exists. Every failure and every lock goes to console_audit and the log,
 * never the password.
 */
@Component
@ConditionalOnWebApplication
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    static final String LOGIN_FAILED = "LOGIN_FAILED";
    static final String LOGIN_LOCKED = "LOGIN_LOCKED";

    private final JdbcTemplate jdbc;
    private final ConsoleAudit audit;
    private final LoginProperties properties;
    private final Map<String, AddressFailures> addresses = new ConcurrentHashMap<>();

    public LoginThrottle(JdbcTemplate jdbc, ConsoleAudit audit, LoginProperties properties) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.properties = properties;
    }

    private record AddressFailures(int count, Instant last) {
    }

    /** The key of a user name: as typed, trimmed and lower-cased, so "Allan" and "allan " share one counter. */
    static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    /** Until when this name is locked, if it is. */
    public java.util.Optional<Instant> lockedUntil(String username) {
        List<OffsetDateTime> until = jdbc.queryForList(
                "SELECT locked_until FROM console_login_failure WHERE username = ? AND locked_until > now()", OffsetDateTime.class, key(username));
        return until.stream().findFirst().map(OffsetDateTime::toInstant);
    }

    /** An attempt on a locked name: refused before its password is looked at, and audited. */
    public void refusedWhileLocked(String username, String address) {
        log.warn("Console login refused for '{}' from {}: locked after too many failures", key(username), address);
        audit.record(key(username), LOGIN_LOCKED, null, ConsoleAudit.REFUSED,
                "Connexion refusée : compte temporairement verrouillé (adresse " + address + ").");
    }

    /** A wrong password (or an unknown or disabled name); true when this failure locks the name. */
    public boolean failed(String username, String address) {
        String name = key(username);
        Integer failures = jdbc.queryForObject("""
                INSERT INTO console_login_failure (username, failures, last_failure_at) VALUES (?, 1, now())
                ON CONFLICT (username) DO UPDATE SET failures = CASE WHEN console_login_failure.locked_until IS NOT NULL
                        AND console_login_failure.locked_until <= now() THEN 1 ELSE console_login_failure.failures + 1 END,
                    locked_until = CASE WHEN console_login_failure.locked_until <= now() THEN NULL
                        ELSE console_login_failure.locked_until END,
                    last_failure_at = now()
                RETURNING failures""", Integer.class, name);
        addresses.merge(address, new AddressFailures(1, Instant.now()), (old, one) -> new AddressFailures(old.count() + 1, one.last()));
        log.warn("Console login failed for '{}' from {} ({} consecutive)", name, address, failures);
        audit.record(name, LOGIN_FAILED, null, ConsoleAudit.FAILED,
                "Échec de connexion n° " + failures + " (adresse " + address + ").");
        if (failures != null && failures >= properties.maxFailures()) {
            jdbc.update("UPDATE console_login_failure SET locked_until = now() + make_interval(secs => ?) WHERE username = ?",
                    (double) properties.lockDuration().toSeconds(), name);
            log.warn("Console login for '{}' locked for {} after {} consecutive failures (last from {})", name,
                    properties.lockDuration(), failures, address);
            audit.record(name, LOGIN_LOCKED, null, ConsoleAudit.REFUSED, "Compte verrouillé " + properties.lockDuration().toMinutes()
                    + " min après " + failures + " échecs consécutifs (dernier depuis " + address + ").");
            return true;
        }
        return false;
    }

    /** A successful login clears the name's counter (not the address's: one good name does not excuse the others). */
    public void succeeded(String username) {
        jdbc.update("DELETE FROM console_login_failure WHERE username = ?", key(username));
    }

    /** An admin's password reset unlocks the name at once. */
    public void unlock(String username) {
        jdbc.update("DELETE FROM console_login_failure WHERE username = ?", key(username));
    }

    /** Forgets every address's failures (tests, so that one test's failures do not slow the next). */
    void forgetAddresses() {
        addresses.clear();
    }

    /**
     * How long an attempt from this address waits before its password is checked: nothing while it has fewer than
     * {@code maxFailures} failures in the lock window, then {@code addressDelay} × (failures − maxFailures + 1), at
     * most 10 s: after 5 failures the next attempt waits 1 s, the one after 2 s.
     */
    public Duration delayFor(String address) {
        AddressFailures failures = addresses.get(address);
        if (failures == null) {
            return Duration.ZERO;
        }
        if (failures.last().plus(properties.lockDuration()).isBefore(Instant.now())) {
            addresses.remove(address, failures);
            return Duration.ZERO;
        }
        int beyond = failures.count() - properties.maxFailures() + 1;
        if (beyond <= 0) {
            return Duration.ZERO;
        }
        Duration delay = properties.addressDelay().multipliedBy(beyond);
        return delay.compareTo(LoginProperties.MAX_ADDRESS_DELAY) > 0 ? LoginProperties.MAX_ADDRESS_DELAY : delay;
    }
}
