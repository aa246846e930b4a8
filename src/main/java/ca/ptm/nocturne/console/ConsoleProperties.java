package ca.ptm.nocturne.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The web console's settings. The first admin is created from {@code adminUsername} / {@code adminPassword}
 * (environment NOCTURNE_CONSOLE_ADMIN_USERNAME / ..._PASSWORD, or their short forms NOCTURNE_ADMIN_USERNAME /
 * NOCTURNE_ADMIN_PASSWORD) when console_user is empty; there is never a default password.
 *
 * @param adminUsername     login of the first admin
 * @param adminPassword     password of the first admin (at least {@link #MIN_PASSWORD_LENGTH} characters)
 * @param nightsShown       how many runs the Nuits page lists
 * @param progressPollSeconds how often the pages poll the live progress of a running execution
 */
@ConfigurationProperties("nocturne.console")
public record ConsoleProperties(String adminUsername, String adminPassword, Integer nightsShown, Integer progressPollSeconds) {

    public static final int MIN_PASSWORD_LENGTH = 12;

    public ConsoleProperties {
        nightsShown = nightsShown == null || nightsShown <= 0 ? 30 : nightsShown;
        progressPollSeconds = progressPollSeconds == null || progressPollSeconds <= 0 ? 3 : progressPollSeconds;
    }

    @Override
    public String toString() {
        return "ConsoleProperties[adminUsername=" + adminUsername + ", adminPassword=" + (adminPassword == null ? "null" : "***")
                + ", nightsShown=" + nightsShown + ", progressPollSeconds=" + progressPollSeconds + "]";
    }
}
