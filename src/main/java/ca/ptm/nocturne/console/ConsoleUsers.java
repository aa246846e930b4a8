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
        return jdbc.queryForList("SELECT username, role, enabled, created_at FROM console_user ORDER BY username");
    }
}
