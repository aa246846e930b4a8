package ca.ptm.nocturne.console;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.support.HeadlessChromium;
import ca.ptm.nocturne.support.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The billing action in a real headless Chromium: the admin opens « Place des Arts », picks the month, bills it,
 * confirms, reads the result, and the page then has nothing left to bill. Screenshots in target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "nocturne.embedded.temporary=true",
        "nocturne.embedded.port=0",
        "nocturne.cli.enabled=false",
        "nocturne.mail.outbox=target/test-outbox",
        "logging.level.ca.ptm.nocturne=WARN",
        "nocturne.console.admin-username=" + PdaBillingBrowserTest.ADMIN,
        "nocturne.console.admin-password=" + PdaBillingBrowserTest.PASSWORD
})
class PdaBillingBrowserTest {

    static final String ADMIN = "allan";
    static final String PASSWORD = "piano-de-nuit-2026";
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    @LocalServerPort
    int port;
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
        jdbc.update("DELETE FROM console_audit");
        browser = HeadlessChromium.start(temp);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAdminBillsAMonthFromThePlaceDesArtsPage() throws Exception {
        jdbc.update("""
                INSERT INTO pda_request (legacy_id, business_key, source, appointment_date, room_code, for_who, status, parking_amount)
                VALUES ('pda_a', 'ka', 'manual', '2026-11-21', 'WP', 'Gala fictif', 'COMPLETED', 15.00),
                       ('pda_b', 'kb', 'manual', '2026-11-22', 'TM', 'Troupe exemple', 'COMPLETED', NULL),
                       ('pda_c', 'kc', 'manual', '2026-11-25', 'MS', 'Concert démo', 'ASSIGN_OK', NULL)""");

        browser.get(url("/pda?month=2026-11"));
        browser.findElement(By.id("username")).sendKeys(ADMIN);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit].primary")).click();
        waitFor(d -> d.findElements(By.id("to-bill")).size() == 1);
        browser.get(url("/pda?month=2026-11"));
        waitFor(d -> d.findElements(By.id("to-bill")).size() == 1);
        assertThat(browser.findElement(By.id("to-bill")).getText())
                .isEqualTo("2 demande(s) complétée(s) à facturer en novembre 2026, total 365,00 $.");
        screenshot("pda-01-a-facturer");

        browser.findElement(By.id("bill")).click();
        waitFor(d -> d.findElements(By.id("confirm-form")).size() == 1);
        assertThat(browser.findElement(By.id("bill-preview")).getText()).contains("Gala fictif").contains("Troupe exemple")
                .doesNotContain("Concert démo");
        assertThat(browser.findElement(By.id("bill-total")).getText()).isEqualTo("365,00 $");
        browser.findElement(By.id("confirm")).click();
        screenshot("pda-02-confirmation");
        browser.findElement(By.id("confirm-submit")).click();

        waitFor(d -> d.findElements(By.id("outcome")).size() == 1);
        assertThat(browser.findElement(By.id("outcome")).getText()).isEqualTo("terminée");
        assertThat(browser.findElement(By.id("message")).getText())
                .isEqualTo("Place des Arts, novembre 2026 : 2 demande(s) facturée(s), total 365,00 $.");
        screenshot("pda-03-facture");

        browser.get(url("/pda?month=2026-11"));
        waitFor(d -> d.findElements(By.id("to-bill")).size() == 1);
        assertThat(browser.findElement(By.id("to-bill")).getText())
                .isEqualTo("0 demande(s) complétée(s) à facturer en novembre 2026, total 0,00 $.");
        assertThat(browser.findElements(By.id("bill"))).isEmpty();
        assertThat(jdbc.queryForList("SELECT legacy_id || ' ' || status || ' ' || coalesce(billed_by, '') FROM pda_request ORDER BY id",
                String.class)).containsExactly("pda_a BILLED allan", "pda_b BILLED allan", "pda_c ASSIGN_OK ");
        assertThat(jdbc.queryForObject("SELECT action || ' ' || outcome || ' ' || who FROM console_audit", String.class))
                .isEqualTo("PDA_BILL DONE " + ADMIN);
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
