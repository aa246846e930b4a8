package ca.ptm.nocturne.console;

import java.time.Duration;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The console's login check: a locked name is refused before its password is looked at; an address with many
 * failures waits before its attempt is checked; then bcrypt through the delegate. A disabled account fails like a
 * wrong password (same message), so the login page never says whether a name exists.
 */
final class ThrottledAuthentication implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthentication(AuthenticationProvider passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String name = attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress() : "inconnue";
        slowDown(throttle.delayFor(address));
        if (throttle.lockedUntil(name).isPresent()) {
            throttle.refusedWhileLocked(name, address);
            throw new LockedException("Compte temporairement verrouillé");
        }
        try {
            Authentication done = passwords.authenticate(attempt);
            throttle.succeeded(name);
            return done;
        } catch (BadCredentialsException | AccountStatusException refused) {
            if (throttle.failed(name, address)) {
                throw new LockedException("Compte temporairement verrouillé");
            }
            throw new BadCredentialsException("Nom d'utilisateur ou mot de passe incorrect");
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }

    private static void slowDown(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
