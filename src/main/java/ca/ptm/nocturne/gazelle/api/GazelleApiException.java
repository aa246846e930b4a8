package ca.ptm.nocturne.gazelle.api;

/**
 * A Gazelle call failed for good (retries exhausted, refused request, unreadable answer or GraphQL errors). The message
 * is in French, for people, and never contains a token, the client secret or the Authorization header.
 */
public class GazelleApiException extends RuntimeException {

    private final String description;

    public GazelleApiException(String description, String message) {
        super(message);
        this.description = description;
    }

    public GazelleApiException(String description, String message, Throwable cause) {
        super(message, cause);
        this.description = description;
    }

    /** The query and page that failed, e.g. "allClients, page 3". */
    public String description() {
        return description;
    }
}
