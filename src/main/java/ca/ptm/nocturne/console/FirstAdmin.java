package ca.ptm.nocturne.console;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * On the first start of the console (console_user empty) creates the first admin from NOCTURNE_ADMIN_USERNAME and
 * NOCTURNE_ADMIN_PASSWORD (or nocturne.console.admin-username / admin-password). Never a default password: without
 * them the console starts with no user, and says how to create one (here in the log, and on the login page).
 */
@Component
@ConditionalOnWebApplication
public class FirstAdmin {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    /** What an admin reads when there is no user yet (log and login page). */
    public static final String HOW_TO = "Aucun utilisateur de la console. Pour créer le premier administrateur, définissez "
            + "NOCTURNE_ADMIN_USERNAME et NOCTURNE_ADMIN_PASSWORD (au moins " + ConsoleProperties.MIN_PASSWORD_LENGTH
            + " caractères) dans l'environnement, puis redémarrez Nocturne (« console » ou « serve »).";

    private final ConsoleUsers users;
    private final ConsoleProperties properties;
    private final Environment environment;

    public FirstAdmin(ConsoleUsers users, ConsoleProperties properties, Environment environment) {
        this.users = users;
        this.properties = properties;
        this.environment = environment;
    }

    @EventListener(ApplicationStartedEvent.class)
    public void createIfNone() {
        if (users.count() > 0) {
            return;
        }
        String username = first(properties.adminUsername(), environment.getProperty("NOCTURNE_ADMIN_USERNAME"));
        String password = first(properties.adminPassword(), environment.getProperty("NOCTURNE_ADMIN_PASSWORD"));
        if (username == null || password == null) {
            log.warn(HOW_TO);
            return;
        }
        try {
            users.create(username, password, ConsoleUsers.ADMIN);
            log.info("Console : premier administrateur « {} » créé (NOCTURNE_ADMIN_USERNAME).", username.strip());
        } catch (IllegalArgumentException refused) {
            log.error("Console : premier administrateur non créé : {} {}", refused.getMessage(), HOW_TO);
        }
    }

    private static String first(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b == null || b.isBlank() ? null : b;
    }
}
