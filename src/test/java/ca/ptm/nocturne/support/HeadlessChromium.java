package ca.ptm.nocturne.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven headless for the console's browser tests, started the way this machine allows (no
 * background networking: the closed network refuses it; a profile of the test's own; French). .ci/run installs
 * chromium and chromium-driver; without them a browser test is skipped, and says why.
 */
public final class HeadlessChromium {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private HeadlessChromium() {
    }

    public static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMEDRIVER),
                "Test du navigateur ignoré : /usr/bin/chromedriver absent (apt-get install -y chromium chromium-driver).");
    }

    /** @param temp a folder of the test's own: the browser's profile goes there */
    public static WebDriver start(Path temp) throws IOException {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        if (Files.isExecutable(CHROMIUM)) {
            options.setBinary(CHROMIUM.toFile());
        }
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createDirectories(temp.resolve("chromium-profile")).toAbsolutePath(),
                "--window-size=1440,1000", "--lang=fr-CA");
        return new ChromeDriver(options);
    }
}
