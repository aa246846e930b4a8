package ca.ptm.nocturne.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * Starts the embedded PostgreSQL on its persistent data folder, or joins the one another Nocturne process already
 * runs there (an admin typing {@code jobs list} while {@code serve} runs). A postmaster left behind by a killed JVM
 * is shut down first, so a kill -9 never leaves the data folder unusable.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    /** The lock file zonky holds for as long as the JVM that started the server lives. */
    private static final String ZONKY_LOCK = "epg-lock";

    private final EmbeddedPostgres owned;
    private final int port;
    private final Path dataDir;

    private EmbeddedPostgresServer(EmbeddedPostgres owned, int port, Path dataDir) {
        this.owned = owned;
        this.port = port;
        this.dataDir = dataDir;
    }

    public static EmbeddedPostgresServer start(EmbeddedPostgresProperties properties) throws IOException {
        Path dataDir = properties.dataDir().toAbsolutePath();
        if (properties.temporary()) {
            dataDir = Files.createTempDirectory("nocturne-pg");
        }
        Files.createDirectories(dataDir);
        Optional<Integer> runningPort = portOfServerOwnedByAnotherProcess(dataDir);
        if (runningPort.isPresent()) {
            log.info("Joining the embedded PostgreSQL already running on port {} (data folder {})", runningPort.get(), dataDir);
            return new EmbeddedPostgresServer(null, runningPort.get(), dataDir);
        }
        stopOrphanedPostmaster(dataDir);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(properties.port())
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("timezone", "UTC")
                .start();
        if (properties.temporary()) {
            Path temporary = dataDir;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(temporary.toFile())));
        }
        log.info("Embedded PostgreSQL started on port {} with data folder {}", postgres.getPort(), dataDir);
        return new EmbeddedPostgresServer(postgres, postgres.getPort(), dataDir);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() throws IOException {
        if (owned != null) {
            owned.close();
        }
    }

    private static Optional<Integer> portOfServerOwnedByAnotherProcess(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        Path lockFile = dataDir.resolve(ZONKY_LOCK);
        if (!Files.exists(pidFile) || !Files.exists(lockFile)) {
            return Optional.empty();
        }
        try (RandomAccessFile file = new RandomAccessFile(lockFile.toFile(), "rw");
             FileLock lock = file.getChannel().tryLock()) {
            if (lock != null) {
                return Optional.empty();
            }
        } catch (OverlappingFileLockException alreadyOursInThisJvm) {
            // Another context in this JVM (tests) owns it: join it as well.
        }
        return postmasterPid(pidFile).isPresent() ? postmasterPort(pidFile) : Optional.empty();
    }

    private static void stopOrphanedPostmaster(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        Optional<ProcessHandle> orphan = postmasterPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (orphan.isEmpty()) {
            return;
        }
        log.warn("Stopping the PostgreSQL server (pid {}) left running by a Nocturne process that died", orphan.get().pid());
        orphan.get().destroy();
        try {
            orphan.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("The orphaned PostgreSQL server in " + dataDir + " did not stop; stop it by hand", e);
        }
    }

    private static Optional<Long> postmasterPid(Path pidFile) throws IOException {
        List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
        return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
    }

    private static Optional<Integer> postmasterPort(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        return lines.size() < 4 ? Optional.empty() : Optional.of(Integer.parseInt(lines.get(3).trim()));
    }
}
