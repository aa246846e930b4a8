package ca.ptm.nocturne.gazelle.sync;

import java.util.Optional;

/**
 * Fetches a client the current records point at but the table does not hold yet (created after the clients step
 * read its page): parents are written before their children in the same run, never counted as synced while missing.
 */
@FunctionalInterface
public interface ParentFetcher {

    ParentFetcher NONE = id -> Optional.empty();

    Optional<SyncRecord> client(String clientExternalId);
}
