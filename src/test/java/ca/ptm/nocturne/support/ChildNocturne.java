package ca.ptm.nocturne.support;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Nocturne in a child JVM (the test's classpath) on the test's PostgreSQL: a real second process, for what only
 * processes can show (a kill -9, two workers sharing a queue). Its output goes to a log file the test can read.
 */
public final class ChildNocturne {

    private ChildNocturne() {
    }

    /** Starts {@code java … NocturneApplication <args>} with the test's database and these extra environment variables. */
    public static Process start(DataSource dataSource, Path log, Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.timezone=UTC", "-Xmx512m", "-cp", System.getProperty("java.class.path"), "ca.ptm.nocturne.NocturneApplication"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        HikariDataSource hikari = (HikariDataSource) dataSource;
        builder.environment().put("SPRING_DATASOURCE_URL", hikari.getJdbcUrl());
        builder.environment().put("SPRING_DATASOURCE_USERNAME", hikari.getUsername());
        if (hikari.getPassword() != null) {
            builder.environment().put("SPRING_DATASOURCE_PASSWORD", hikari.getPassword());
        }
        // as in NocturneIntegrationTest: the tests' inboxes live in the system's temporary folder, not a default root
        builder.environment().put("NOCTURNE_IMPORT_ALLOWED_ROOTS", System.getProperty("java.io.tmpdir") + ",jobs");
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Waits until the child's log holds this text; fails with the log when the child ends first or takes too long. */
    public static void awaitLog(Process child, Path log, String text, long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
                return;
            }
            if (!child.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("« " + text + " » never appeared in the child's log (alive: " + child.isAlive() + "):\n"
                + (Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no log)"));
    }
}
