package ca.ptm.nocturne.operations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.support.ChildNocturne;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.TestDatabase;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code console} and {@code serve} as an operator starts them, in a child JVM: the command line starts them and
 * returns, so Spring marks the process ready and /actuator/health answers 200 UP (it answered 503
 * OUT_OF_SERVICE while the runner blocked); the process stays up until SIGTERM, then ends cleanly.
 */
@NocturneIntegrationTest
class LongLivedModesIntegrationTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path temp;

    @BeforeEach
    void clean() {
        TestDatabase.clean(jdbc);
    }

    @Test
    void consoleAnswersHealthUpOnceStartedAndStopsOnSigterm() throws Exception {
        assertHealthyUntilStopped("console", "Console d'administration seule");
    }

    @Test
    void serveAnswersHealthUpOnceStartedAndStopsOnSigterm() throws Exception {
        // a cron far from now: no catch-up, no tick during the test
        assertHealthyUntilStopped("serve", "Nocturne en service", "--nocturne.schedule.cron=0 0 2 29 2 *");
    }

    private void assertHealthyUntilStopped(String command, String banner, String... more) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = temp.resolve(command + ".log");
        String[] args = new String[2 + more.length];
        args[0] = command;
        args[1] = "--server.port=" + port;
        System.arraycopy(more, 0, args, 2, more.length);
        Process child = ChildNocturne.start(dataSource, log, Map.of("NOCTURNE_MAIL_OUTBOX", temp.resolve("outbox").toString()), args);
        try {
            ChildNocturne.awaitLog(child, log, banner, 180_000);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> answer = null;
            long deadline = System.currentTimeMillis() + 120_000;
            while (System.currentTimeMillis() < deadline && child.isAlive()) {
                try {
                    answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() == 200) {
                        break;
                    }
                } catch (java.io.IOException notListeningYet) {
                    // the web server is not up yet
                }
                Thread.sleep(250);
            }
            assertThat(answer).as(Files.readString(log)).isNotNull();
            assertThat(answer.statusCode()).as(answer.body() + "\n" + Files.readString(log)).isEqualTo(200);
            assertThat(answer.body()).as("anonymous: the status only").contains("\"status\":\"UP\"")
                    .doesNotContain("components").doesNotContain("details");
            Thread.sleep(1000);
            assertThat(child.isAlive()).as("the process stays up after its command line returned").isTrue();
        } finally {
            child.destroy();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("SIGTERM ends the process").isTrue();
        }
        assertThat(child.exitValue()).as(Files.readString(log)).isIn(0, 143);
    }
}
