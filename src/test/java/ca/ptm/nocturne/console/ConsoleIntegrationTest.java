package ca.ptm.nocturne.console;

import ca.ptm.nocturne.support.NocturneIntegrationTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;

/**
 * The console against a real PostgreSQL and real runs, through MockMvc with the real security filter chain. The
 * first admin comes from the properties, as NOCTURNE_ADMIN_USERNAME / _PASSWORD would give it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@NocturneIntegrationTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {
        "nocturne.console.admin-username=" + ConsoleIntegrationTest.ADMIN,
        "nocturne.console.admin-password=" + ConsoleIntegrationTest.ADMIN_PASSWORD,
        "nocturne.import.inbox=" + ConsoleIntegrationTest.INBOX,
        "nocturne.reports.output-dir=" + ConsoleIntegrationTest.REPORTS
})
@interface ConsoleIntegrationTest {

    String ADMIN = "allan";
    String ADMIN_PASSWORD = "piano-de-nuit-2026";
    String INBOX = "target/console-test/inbox";
    String REPORTS = "target/console-test/reports";
}
