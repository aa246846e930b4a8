package ca.ptm.nocturne.gazelle.api;

import java.util.Optional;
import java.util.function.Supplier;

/** Where the current Gazelle OAuth token lives. A refreshed token is saved right away: runners are ephemeral. */
public interface TokenStore {

    Optional<OAuthToken> load();

    void save(OAuthToken token);

    /**
     * Runs {@code work} while no other client (thread or process) refreshes: a refresh token may be good for one use
     * only, so two clients refreshing with the same one would leave one of them refused.
     */
    default <T> T exclusively(Supplier<T> work) {
        synchronized (this) {
            return work.get();
        }
    }
}
