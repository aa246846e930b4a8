package ca.ptm.nocturne.gazelle.api;

import java.util.Optional;

/** Where the current Gazelle OAuth token lives. A refreshed token is saved right away: runners are ephemeral. */
public interface TokenStore {

    Optional<OAuthToken> load();

    void save(OAuthToken token);
}
