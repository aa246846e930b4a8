package ca.ptm.nocturne.gazelle.api;

/** Gazelle no longer accepts Nocturne's tokens: a person (Allan) must consent again in a browser. */
public class GazelleAuthorizationException extends GazelleApiException {

    /** Message when the token endpoint refuses the refresh token. */
    public static final String REFRESH_REFUSED = "Gazelle refuse le jeton de renouvellement : Allan doit ré-autoriser "
            + "Nocturne dans Gazelle (consentement dans le navigateur).";

    public GazelleAuthorizationException(String description, String message) {
        super(description, message);
    }

    /** The refresh was refused; {@code oauthError} is the OAuth error code (e.g. invalid_grant), or null. */
    public static GazelleAuthorizationException refreshRefused(String description, int status, String oauthError) {
        String detail = oauthError == null ? "HTTP " + status : "HTTP " + status + ", code OAuth : " + oauthError;
        return new GazelleAuthorizationException(description, REFRESH_REFUSED + " (" + detail + ")");
    }
}
