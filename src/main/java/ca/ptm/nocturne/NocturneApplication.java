package ca.ptm.nocturne;

import ca.ptm.nocturne.operations.cli.CommandLine;
import ca.ptm.nocturne.operations.cli.ReadOnlyCommands;
import java.util.Arrays;
import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Nocturne, the nightly batch system of Piano Technique Montréal. The command line ({@code run}, {@code jobs})
 * lives in {@link ca.ptm.nocturne.operations.cli.CommandLine}; the exit code of the process is the outcome of the
 * command.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NocturneApplication {

    public static void main(String[] args) {
        // Spring Batch stores its timestamps without a zone, in the JVM's zone: keep them in UTC, show them in Montreal.
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        if (ReadOnlyCommands.handles(args)) {
            // --help, jobs list, jobs show, run validate: a slim context (or none), about a second instead of the whole application
            System.exit(ReadOnlyCommands.run(args));
        }
        SpringApplication application = new SpringApplication(NocturneApplication.class);
        application.setWebApplicationType(servesPages(args) ? WebApplicationType.SERVLET : WebApplicationType.NONE);
        // A worker has no web server whose threads keep the JVM up: Boot's keep-alive thread does, until the context closes.
        application.setKeepAlive(isLongLived(args));
        ConfigurableApplicationContext context = application.run(args);
        if (isLongLived(args) && context.isActive() && context.getBean(CommandLine.class).keepsRunning()) {
            // serve, console, worker: the runner has started them and returned, so Spring marks the application
            // ready (readiness ACCEPTING_TRAFFIC); the process lives until SIGTERM closes the context.
            return;
        }
        System.exit(SpringApplication.exit(context));
    }

    /** {@code serve}, {@code console} and {@code worker} stay up after the command line has started them. */
    static boolean isLongLived(String[] args) {
        return Arrays.stream(args).filter(a -> !a.startsWith("--")).findFirst()
                .map(command -> command.equals("serve") || command.equals("console") || command.equals("worker")).orElse(false);
    }

    /** Only {@code serve} and {@code console} start the web console; every other command runs without a web server. */
    static boolean servesPages(String[] args) {
        return Arrays.stream(args).filter(a -> !a.startsWith("--")).findFirst()
                .map(command -> command.equals("serve") || command.equals("console")).orElse(false);
    }
}
