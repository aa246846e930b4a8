package ca.ptm.nocturne.console;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.support.SampleInbox;
import ca.ptm.nocturne.support.HeadlessChromium;
import ca.ptm.nocturne.support.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The console in a real headless Chromium against a real server: log in, see last night failed on Nuits, open it,
 * restart it, confirm, and watch it complete (the result page follows the run by itself through console.js).
 * The night fails in the Gazelle schema check (a required column dropped); the column is put back before the
 * restart, as an admin would fix the database, without touching the input files.
 * Screenshots go to target/screenshots/. docs/render-console-pictures.sh (never ./mvnw verify: a test writes no tracked
 * file) runs this test with -Dnocturne.console.pictures=docs/console to copy the Nuits page and the failed execution there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "nocturne.embedded.temporary=true",
        "nocturne.embedded.port=0",
        "nocturne.cli.enabled=false",
        "nocturne.mail.outbox=target/test-outbox",
        "nocturne.import.allowed-roots=${java.io.tmpdir},jobs",
        "logging.level.ca.ptm.nocturne=WARN",
        "nocturne.console.admin-username=" + ConsoleBrowserEndToEndTest.ADMIN,
        "nocturne.console.admin-password=" + ConsoleBrowserEndToEndTest.PASSWORD,
        "nocturne.console.progress-poll-seconds=1"
})
class ConsoleBrowserEndToEndTest {

    static final String ADMIN = "allan";
    static final String PASSWORD = "piano-de-nuit-2026";
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    /** Where the README's pictures are copied, only when a script asks for them. */
    static final String PICTURES = System.getProperty("nocturne.console.pictures");

    @LocalServerPort
    int port;
    @Autowired
    JobLaunches launches;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path temp;

    WebDriver browser;

    @BeforeAll
    static void needsChromium() {
        HeadlessChromium.assumeInstalled();
    }

    @BeforeEach
    void startBrowser() throws IOException {
        TestDatabase.clean(jdbc);
        browser = HeadlessChromium.start(temp);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        ConsoleRuns.restoreColumn(jdbc);
    }

    @Test
    void anAdminSeesTheFailedNightRestartsItAndSeesItComplete() throws Exception {
        jdbc.execute("ALTER TABLE gazelle_clients DROP COLUMN postal_code");
        JobExecution night = launches.runNightly(LocalDate.of(2026, 3, 2), SampleInbox.withSamples(temp).dir(), null,
                ConsoleRuns.GAZELLE_SAMPLES);
        assertThat(night.getStatus()).isEqualTo(BatchStatus.FAILED);
        ConsoleRuns.restoreColumn(jdbc);

        browser.get(url("/"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        assertThat(browser.getPageSource()).contains("Console de Nocturne");
        screenshot("01-connexion");
        browser.findElement(By.id("username")).sendKeys(ADMIN);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit].primary")).click();

        waitFor(d -> d.findElements(By.id("runs")).size() == 1);
        String nights = browser.findElement(By.id("runs")).getText();
        assertThat(nights).contains("échouée").contains("gazelle-schema-check").contains("gazelle_clients.postal_code")
                .contains("lundi 2 mars 2026");
        screenshot("02-nuits");
        picture("02-nuits", "nuits.png");

        browser.findElement(By.linkText(String.valueOf(night.getId()))).click();
        waitFor(d -> d.findElements(By.id("steps")).size() == 1);
        assertThat(browser.findElement(By.id("failure")).getText()).contains("gazelle-schema-check").contains("postal_code");
        assertThat(browser.findElement(By.id("steps")).getText()).contains("import-").contains("gazelle-schema-check");
        screenshot("03-execution-echouee");
        picture("03-execution-echouee", "execution-echouee.png");

        browser.findElement(By.id("action-restart")).click();
        waitFor(d -> d.findElements(By.id("confirm-form")).size() == 1);
        browser.findElement(By.id("confirm")).click();
        screenshot("04-confirmation");
        browser.findElement(By.id("confirm-submit")).click();

        waitFor(d -> d.findElements(By.id("outcome")).size() == 1);
        new WebDriverWait(browser, Duration.ofMinutes(3)).pollingEvery(Duration.ofMillis(500))
                .until(d -> "terminée".equals(d.findElement(By.id("outcome")).getText()));
        assertThat(browser.findElement(By.id("message")).getText()).contains("terminée");
        screenshot("05-reprise-terminee");

        browser.findElement(By.id("follow")).click();
        waitFor(d -> d.findElements(By.id("steps")).size() == 1);
        assertThat(browser.getCurrentUrl()).doesNotEndWith("/executions/" + night.getId());
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("terminée");
        assertThat(browser.findElement(By.id("steps")).getText()).contains("gazelle-clients").contains("send-morning-email");
        screenshot("06-execution-reprise");

        browser.get(url("/"));
        waitFor(d -> d.findElements(By.id("runs")).size() == 1);
        assertThat(browser.findElement(By.id("runs")).getText()).contains("terminée");
        screenshot("07-nuits-apres-reprise");
        assertThat(jdbc.queryForObject("SELECT action || ' ' || outcome || ' ' || who FROM console_audit", String.class))
                .isEqualTo("RESTART DONE " + ADMIN);
    }

    private void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(condition::apply);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static void picture(String screenshot, String name) throws IOException {
        if (PICTURES != null && !PICTURES.isBlank()) {
            Files.copy(SCREENSHOTS.resolve(screenshot + ".png"), Files.createDirectories(Path.of(PICTURES)).resolve(name),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
