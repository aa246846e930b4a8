package ca.ptm.nocturne.console;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.NocturneApplication;
import ca.ptm.nocturne.operations.JobLaunches;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.web.SecurityFilterChain;

/** The command-line runs (no web server) start without any of the console's beans. */
class CommandLineWithoutConsoleTest {

    @Test
    void withoutAWebServerNoConsoleBeanIsCreated() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(NocturneApplication.class)
                .web(WebApplicationType.NONE)
                .properties("nocturne.embedded.temporary=true", "nocturne.embedded.port=0", "nocturne.cli.enabled=false",
                        "logging.level.ca.ptm.nocturne=WARN")
                .run()) {
            assertThat(context.getBeansOfType(JobLaunches.class)).hasSize(1);
            assertThat(context.getBeansOfType(ConsoleRunner.class)).isEmpty();
            assertThat(context.getBeansOfType(ConsoleUsers.class)).isEmpty();
            assertThat(context.getBeansOfType(RunsController.class)).isEmpty();
            assertThat(context.getBeansOfType(SecurityFilterChain.class)).isEmpty();
        }
    }
}
