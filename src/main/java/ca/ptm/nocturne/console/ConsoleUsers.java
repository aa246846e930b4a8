package ca.ptm.nocturne.console;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

/** console_user: who may log in to the console, with a bcrypt hash and a role (ADMIN acts, VIEWER reads). */
@Repository
@ConditionalOnWebApplication
public class ConsoleUsers {

    public static final String ADMIN = "ADMIN";
    public static final String VIEWER = "VIEWER";

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;

    public ConsoleUsers(JdbcTemplate jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    public record ConsoleUser(String username, String passwordHash, String role, boolean enabled) {
    }

    public long count() {
        return jdbc.queryForObject("SELECT count(*) FROM console_user", Long.class);
    }

    public Optional<ConsoleUser> find(String username) {
        return jdbc.query("SELECT username, password_hash, role, enabled FROM console_user WHERE username = ?",
                (rs, n) -> new ConsoleUser(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)), username)
                .stream().findFirst();
    }

    /** Creates a user, the password hashed with bcrypt. Refused (in French) for a taken name or a short password. */
    public void create(String username, String rawPassword, String role) {
        String name = username == null ? "" : username.strip();
        if (name.isEmpty() || !name.matches("[\\p{L}\\p{N}._@-]{1,64}")) {
            throw new IllegalArgumentException("Nom d'utilisateur invalide : lettres, chiffres, « . _ @ - », 64 caractères au plus.");
        }
        if (!ADMIN.equals(role) && !VIEWER.equals(role)) {
            throw new IllegalArgumentException("Rôle inconnu : « " + role + " » (ADMIN ou VIEWER).");
        }
        String problem = passwordProblem(name, rawPassword);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (find(name).isPresent()) {
            throw new IllegalArgumentException("L'utilisateur « " + name + " » existe déjà.");
        }
        jdbc.update("INSERT INTO console_user (username, password_hash, role) VALUES (?, ?, ?)", name, encoder.encode(rawPassword), role);
    }

    /** Why this password is refused, or null: long enough, and not the user name. */
    public static String passwordProblem(String username, String rawPassword) {
        if (rawPassword == null || rawPassword.length() < ConsoleProperties.MIN_PASSWORD_LENGTH) {
            return "Mot de passe trop court : au moins " + ConsoleProperties.MIN_PASSWORD_LENGTH + " caractères.";
        }
        if (rawPassword.equalsIgnoreCase(username)) {
            return "Le mot de passe ne peut pas être le nom d'utilisateur.";
        }
        return null;
    }

    public List<Map<String, Object>> list() {
        return jdbc.queryForList("""
                SELECT u.username, u.role, u.enabled, u.must_change_password, u.created_at, f.locked_until
                  FROM console_user u LEFT JOIN console_login_failure f
                    ON f.username = lower(u.username) AND f.locked_until > now()
                 ORDER BY u.username""");
    }

    /** The French labels of the user-management actions written to console_audit, or null for another action. */
    static String actionLabel(String action) {
        return switch (action) {
            case "ADD_USER" -> "Créer un utilisateur";
            case "DISABLE_USER" -> "Désactiver un utilisateur";
            case "ENABLE_USER" -> "Réactiver un utilisateur";
            case "RESET_PASSWORD" -> "Réinitialiser un mot de passe";
            case "CHANGE_ROLE" -> "Changer un rôle";
            case "CHANGE_PASSWORD" -> "Changer son mot de passe";
            case LoginThrottle.LOGIN_FAILED -> "Échec de connexion";
            case LoginThrottle.LOGIN_LOCKED -> "Connexion verrouillée";
            default -> null;
        };
    }

    /**
     * Disables or re-enables a user. The last enabled ADMIN cannot be disabled (nobody could administer the console
     * any more): checked in the same statement that disables, so two admins disabling each other cannot both win.
     */
    public void setEnabled(String username, boolean enabled) {
        ConsoleUser user = existing(username);
        int changed = enabled
                ? jdbc.update("UPDATE console_user SET enabled = true WHERE username = ?", user.username())
                : jdbc.update("""
                        UPDATE console_user SET enabled = false WHERE username = ? AND NOT (role = 'ADMIN' AND enabled
                            AND (SELECT count(*) FROM console_user WHERE role = 'ADMIN' AND enabled) <= 1)""", user.username());
        if (changed == 0) {
            throw new IllegalArgumentException("« " + user.username() + " » est le dernier administrateur actif : "
                    + "il ne peut pas être désactivé (créez ou réactivez d'abord un autre administrateur).");
        }
    }

    /** A new role; the last enabled ADMIN cannot become VIEWER, for the same reason. */
    public void changeRole(String username, String role) {
        ConsoleUser user = existing(username);
        if (!ADMIN.equals(role) && !VIEWER.equals(role)) {
            throw new IllegalArgumentException("Rôle inconnu : « " + role + " » (ADMIN ou VIEWER).");
        }
        int changed = jdbc.update("""
                UPDATE console_user SET role = ? WHERE username = ? AND NOT (? = 'VIEWER' AND role = 'ADMIN' AND enabled
                    AND (SELECT count(*) FROM console_user WHERE role = 'ADMIN' AND enabled) <= 1)""", role, user.username(), role);
        if (changed == 0) {
            throw new IllegalArgumentException("« " + user.username() + " » est le dernier administrateur actif : "
                    + "il ne peut pas passer en lecture seule.");
        }
    }

    /** An admin sets a temporary password; its user must choose a new one at the next login. */
    public void resetPassword(String username, String temporaryPassword) {
        ConsoleUser user = existing(username);
        String problem = passwordProblem(user.username(), temporaryPassword);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        jdbc.update("UPDATE console_user SET password_hash = ?, must_change_password = true WHERE username = ?",
                encoder.encode(temporaryPassword), user.username());
    }

    /** A user's own new password: long enough, not the user name, not the current one. Clears the forced change. */
    public void changeOwnPassword(String username, String newPassword) {
        ConsoleUser user = existing(username);
        String problem = passwordProblem(user.username(), newPassword);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (encoder.matches(newPassword, user.passwordHash())) {
            throw new IllegalArgumentException("Choisissez un mot de passe différent de l'actuel.");
        }
        jdbc.update("UPDATE console_user SET password_hash = ?, must_change_password = false WHERE username = ?",
                encoder.encode(newPassword), user.username());
    }

    /** Whether this user must choose a new password before anything else (after an admin's reset). */
    public boolean mustChangePassword(String username) {
        return Boolean.TRUE.equals(jdbc.query("SELECT must_change_password FROM console_user WHERE username = ?",
                (rs, n) -> rs.getBoolean(1), username).stream().findFirst().orElse(false));
    }

    private ConsoleUser existing(String username) {
        return find(username).orElseThrow(() -> new IllegalArgumentException("Utilisateur inconnu : « " + username + " »."));
    }
}
