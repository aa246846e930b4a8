package ca.ptm.nocturne;

import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

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
        System.exit(SpringApplication.exit(SpringApplication.run(NocturneApplication.class, args)));
    }
}
