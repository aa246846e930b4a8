package ca.ptm.nocturne.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ca.ptm.nocturne.support.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The lockout and the user pages in a real headless Chromium against a real server (issue 21): five wrong passwords
 * lock "allan" and the page says so without saying whether the name exists; the right password is refused until
 * the lock ends; then the admin adds a user, resets its password, is refused disabling himself (the last active
 * admin), and the new user is made to choose a new password at its first login. The session cookie is SameSite=Lax.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "nocturne.embedded.temporary=true",
        "nocturne.embedded.port=0",
        "nocturne.cli.enabled=false",
        "nocturne.mail.outbox=target/test-outbox",
        "logging.level.ca.ptm.nocturne=WARN",
        "nocturne.console.admin-username=" + ConsoleBrowserEndToEndTest.ADMIN,
        "nocturne.console.admin-password=" + ConsoleBrowserEndToEndTest.PASSWORD,
        "nocturne.console.progress-poll-seconds=1"
})
class ConsoleUsersBrowserTest {

    static final String ADMIN = ConsoleBrowserEndToEndTest.ADMIN;
    static final String PASSWORD = ConsoleBrowserEndToEndTest.PASSWORD;
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LoginThrottle throttle;
    @TempDir
    Path temp;

    WebDriver browser;

    @BeforeAll
    static void needsChromium() {
        HeadlessChromium.assumeInstalled();
    }

    @BeforeEach
    void startBrowser() throws IOException {
        clean();
        browser = HeadlessChromium.start(temp);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        clean();
    }

    private void clean() {
        jdbc.update("DELETE FROM console_login_failure");
        throttle.forgetAddresses();
        jdbc.update("DELETE FROM console_audit");
        jdbc.update("DELETE FROM console_user WHERE username = 'technicienne'");
        jdbc.update("UPDATE console_user SET enabled = true, role = 'ADMIN', must_change_password = false WHERE username = ?", ADMIN);
    }

    @Test
    void theSessionCookieIsSameSiteLaxAndHttpOnly() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/login"))).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(cookie).contains("SameSite=Lax").contains("HttpOnly").as("plain HTTP: not Secure").doesNotContain("Secure");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountThenTheAdminManagesUsers() throws Exception {
        browser.get(url("/login"));
        for (int i = 1; i <= 5; i++) {
            logIn(ADMIN, "pas-le-bon-" + i);
        }
        WebElement locked = browser.findElement(By.id("locked"));
        assertThat(locked.getText()).contains("temporairement verrouillé").contains("15 minutes");
        screenshot("10-verrouille");
        logIn(ADMIN, PASSWORD);
        assertThat(browser.getCurrentUrl()).endsWith("/login?locked");
        logIn("inconnu", "pas-le-bon-1");
        assertThat(browser.getCurrentUrl()).as("an unknown name: the usual message").endsWith("/login?error");

        jdbc.update("UPDATE console_login_failure SET locked_until = now() - interval '1 second'"); // 15 minutes later
        logIn(ADMIN, PASSWORD);
        waitFor(d -> d.findElements(By.id("runs")).size() == 1 || d.findElements(By.cssSelector("main h1")).size() == 1);
        assertThat(browser.manage().getCookieNamed("JSESSIONID").getSameSite()).isEqualTo("Lax");

        browser.get(url("/users"));
        browser.findElement(By.id("new-username")).sendKeys("technicienne");
        browser.findElement(By.id("new-password")).sendKeys("accordage-2026-xyz");
        browser.findElement(By.cssSelector("form[action$='/users'] button.primary")).click();
        waitFor(d -> d.findElements(By.id("notice")).size() == 1);
        assertThat(browser.findElement(By.id("users")).getText()).contains("technicienne").contains("Lecture seule");

        WebElement row = browser.findElement(By.cssSelector("tr[data-user='technicienne']"));
        row.findElement(By.id("reset-technicienne")).sendKeys("temporaire-2026-abc");
        row.findElement(By.name("reset")).click();
        waitFor(d -> d.findElements(By.id("notice")).size() == 1);
        assertThat(browser.findElement(By.cssSelector("tr[data-user='technicienne']")).getText()).contains("Doit changer son mot de passe");

        browser.findElement(By.cssSelector("tr[data-user='" + ADMIN + "']")).findElement(By.name("disable")).click();
        waitFor(d -> d.findElements(By.id("problem")).size() == 1);
        assertThat(browser.findElement(By.id("problem")).getText()).contains("dernier administrateur actif");
        screenshot("11-utilisateurs");

        browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();
        waitFor(d -> d.getCurrentUrl().contains("/login"));
        logIn("technicienne", "temporaire-2026-abc");
        waitFor(d -> d.getCurrentUrl().endsWith("/password"));
        assertThat(browser.findElement(By.id("forced")).getText()).contains("choisissez-en un nouveau");
        browser.get(url("/"));
        assertThat(browser.getCurrentUrl()).as("no other page before the change").endsWith("/password");
        browser.findElement(By.id("password")).sendKeys("nouveau-2026-def");
        browser.findElement(By.id("confirmation")).sendKeys("nouveau-2026-def");
        browser.findElement(By.name("change")).click();
        waitFor(d -> !d.getCurrentUrl().endsWith("/password"));
        assertThat(browser.getCurrentUrl()).endsWith("/");
        screenshot("12-mot-de-passe-change");

        assertThat(jdbc.queryForList("SELECT action || '/' || outcome || '/' || who FROM console_audit WHERE action NOT LIKE 'LOGIN%' ORDER BY id",
                String.class)).containsExactly("ADD_USER/DONE/allan", "RESET_PASSWORD/DONE/allan", "DISABLE_USER/REFUSED/allan",
                "CHANGE_PASSWORD/DONE/technicienne");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM console_audit WHERE action = 'LOGIN_FAILED' AND who = 'allan'", Integer.class))
                .isEqualTo(5);
    }

    private void logIn(String name, String password) {
        if (!browser.getCurrentUrl().contains("/login")) {
            browser.get(url("/login"));
        }
        browser.findElement(By.id("username")).clear();
        browser.findElement(By.id("username")).sendKeys(name);
        browser.findElement(By.id("password")).sendKeys(password);
        String before = browser.getCurrentUrl();
        browser.findElement(By.cssSelector("button[type=submit].primary")).click();
        waitFor(d -> d.findElements(By.id("username")).isEmpty() || d.findElements(By.id("locked")).size() == 1
                || d.findElements(By.cssSelector("[role=alert]")).size() == 1 || !d.getCurrentUrl().equals(before));
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
}
