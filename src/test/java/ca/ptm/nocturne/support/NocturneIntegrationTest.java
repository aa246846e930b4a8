package ca.ptm.nocturne.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * An integration test against a real PostgreSQL: the embedded one in a throw-away data folder, or the server named
 * by SPRING_DATASOURCE_URL. The command line does not run at start-up; tests call the commands themselves.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "nocturne.embedded.temporary=true",
        "nocturne.embedded.port=0",
        "nocturne.cli.enabled=false",
        "nocturne.mail.outbox=target/test-outbox",
        // The default roots leave out the system's temporary folder; the tests' inboxes are made there.
        "nocturne.import.allowed-roots=${java.io.tmpdir},jobs",
        "logging.file.name=target/test-logs/nocturne.log",
        "logging.level.ca.ptm.nocturne=WARN"
})
@SpringBatchTest
public @interface NocturneIntegrationTest {
}
