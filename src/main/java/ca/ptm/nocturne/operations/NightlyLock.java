package ca.ptm.nocturne.operations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Never two nightly runs at once, whichever process launches them: a PostgreSQL advisory lock held on its own
 * connection for the whole run. A process killed with -9 loses its connection, and the lock with it.
 */
@Component
public class NightlyLock {

    /** An arbitrary constant shared by every Nocturne process on the same database. */
    static final long KEY = 0x4E6F637475726E65L;

    private final DataSource dataSource;

    public NightlyLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** The lock, or null when another process holds it. */
    public Held tryAcquire() throws SQLException {
        Connection connection = dataSource.getConnection();
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, KEY);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    connection.close();
                    return null;
                }
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return () -> {
            try (connection; PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, KEY);
                unlock.execute();
            } catch (SQLException e) {
                // Closing the connection releases the lock anyway.
            }
        };
    }
}
