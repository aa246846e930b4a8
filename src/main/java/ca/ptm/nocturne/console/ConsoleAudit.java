package ca.ptm.nocturne.console;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** console_audit: every action asked in the console, who asked, and how it ended. */
@Repository
@ConditionalOnWebApplication
public class ConsoleAudit {

    public static final String DONE = "DONE";
    public static final String LAUNCHED = "LAUNCHED";
    public static final String REFUSED = "REFUSED";
    public static final String FAILED = "FAILED";

    private final JdbcTemplate jdbc;

    public ConsoleAudit(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Entry(long id, String who, String action, Long executionId, String outcome, String message, Object at) {

        public boolean launched() {
            return LAUNCHED.equals(outcome);
        }
    }

    public long record(String who, String action, Long executionId, String outcome, String message) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement(
                    "INSERT INTO console_audit (who, action, execution_id, outcome, message) VALUES (?, ?, ?, ?, ?)", new String[] {"id"});
            statement.setString(1, who);
            statement.setString(2, action);
            statement.setObject(3, executionId);
            statement.setString(4, outcome);
            statement.setString(5, message);
            return statement;
        }, keys);
        return keys.getKey().longValue();
    }

    /** The end of an action launched in the background (its outcome, and the execution it produced). */
    public void finish(long id, String outcome, Long executionId, String message) {
        jdbc.update("UPDATE console_audit SET outcome = ?, execution_id = coalesce(?, execution_id), message = ? WHERE id = ?",
                outcome, executionId, message, id);
    }

    public Optional<Entry> find(long id) {
        return jdbc.query("SELECT * FROM console_audit WHERE id = ?", (rs, n) -> entry(rs), id).stream().findFirst();
    }

    public List<Entry> latest(int limit) {
        return jdbc.query("SELECT * FROM console_audit ORDER BY id DESC LIMIT ?", (rs, n) -> entry(rs), limit);
    }

    public List<Map<String, Object>> ofExecution(long executionId) {
        return jdbc.queryForList("SELECT who, action, outcome, message, at FROM console_audit WHERE execution_id = ? ORDER BY id", executionId);
    }

    private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Entry(rs.getLong("id"), rs.getString("who"), rs.getString("action"), rs.getObject("execution_id", Long.class),
                rs.getString("outcome"), rs.getString("message"), rs.getTimestamp("at"));
    }
}
