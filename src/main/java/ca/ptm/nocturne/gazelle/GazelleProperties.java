package ca.ptm.nocturne.gazelle;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Gazelle sync settings. The client id, client secret and tokens come only from the environment
 * (NOCTURNE_GAZELLE_CLIENT_SECRET, ...) or from the database (system_settings), never from a file of the repository.
 *
 * @param url                       GraphQL endpoint, {@code https://<host>/graphql/private/} (trailing slash required)
 * @param tokenUrl                  OAuth token endpoint, {@code https://<host>/developer/oauth/token}
 * @param pageSize                  records per GraphQL page
 * @param chunkSize                 records per chunk (one transaction, one restart point): a few pages of the API, or
 *                                  that many rows of an export file
 * @param timelinePartitioning      {@code types}: the timeline step reads slices that are groups of Gazelle's timeline
 *                                  types, several at a time (a full backfill is hundreds of thousands of entries),
 *                                  checked with totalCount to add up to the whole; {@code none}: one slice
 * @param timelinePartitions        at most this many slices (groups of types of about the same size)
 * @param timelineThreads           slices read at the same time by this process (local partitioning)
 * @param timelineDaysBack          overlap of the timeline window before the last successful sync
 * @param appointmentsDaysBack      start of the appointment window, before the last successful sync
 * @param appointmentsDaysAhead     end of the appointment window, after the run date
 * @param cancelThreshold           more vanished appointments than this in one run: nothing is cancelled, the run warns
 * @param exportsDir                folder of Gazelle's CSV exports, the source when no API is configured
 * @param samples                   bundled sample exports, the source of the demonstration run
 */
@ConfigurationProperties("nocturne.gazelle")
public record GazelleProperties(URI url, URI tokenUrl, String clientId, String clientSecret, String accessToken,
                                String refreshToken, int pageSize, int chunkSize, String timelinePartitioning,
                                int timelinePartitions, int timelineThreads, int timelineDaysBack, int appointmentsDaysBack,
                                int appointmentsDaysAhead, int cancelThreshold, Path exportsDir, Path samples,
                                Duration requestTimeout, int maxAttempts, Duration firstBackoff) {

    public GazelleProperties {
        pageSize = pageSize <= 0 ? 100 : pageSize;
        chunkSize = chunkSize <= 0 ? 1000 : chunkSize;
        timelinePartitioning = timelinePartitioning == null || timelinePartitioning.isBlank() ? "types" : timelinePartitioning;
        if (!timelinePartitioning.equals("types") && !timelinePartitioning.equals("none")) {
            throw new IllegalArgumentException("nocturne.gazelle.timeline-partitioning : « types » ou « none » attendu, pas « "
                    + timelinePartitioning + " »");
        }
        timelinePartitions = timelinePartitions <= 0 ? 8 : timelinePartitions;
        timelineThreads = timelineThreads <= 0 ? 4 : timelineThreads;
        timelineDaysBack = timelineDaysBack <= 0 ? 30 : timelineDaysBack;
        appointmentsDaysBack = appointmentsDaysBack <= 0 ? 7 : appointmentsDaysBack;
        appointmentsDaysAhead = appointmentsDaysAhead <= 0 ? 90 : appointmentsDaysAhead;
        cancelThreshold = cancelThreshold <= 0 ? 10 : cancelThreshold;
        exportsDir = exportsDir == null ? Path.of("jobs/gazelle/exports") : exportsDir;
        samples = samples == null ? Path.of("jobs/samples/gazelle") : samples;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(60) : requestTimeout;
        maxAttempts = maxAttempts <= 0 ? 3 : maxAttempts;
        firstBackoff = firstBackoff == null ? Duration.ofSeconds(2) : firstBackoff;
    }

    public boolean timelineByTypes() {
        return timelinePartitioning.equals("types");
    }

    /** The API is the default source as soon as an endpoint and a token are configured. */
    public boolean apiConfigured() {
        return url != null && (StringUtils.hasText(accessToken) || StringUtils.hasText(refreshToken));
    }

    @Override
    public String toString() {
        return "GazelleProperties[url=" + url + ", tokenUrl=" + tokenUrl + ", pageSize=" + pageSize + ", secrets masked]";
    }
}
