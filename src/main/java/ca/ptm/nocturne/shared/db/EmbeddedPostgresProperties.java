package ca.ptm.nocturne.shared.db;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL used when no {@code spring.datasource.url} is given.
 *
 * @param dataDir    persistent data folder; the job repository lives there, so a failed night can be restarted
 *                   the next day
 * @param port       fixed port so that an admin can connect with psql; 0 picks a free one
 * @param temporary  throw the data folder away at start (tests)
 */
@ConfigurationProperties("nocturne.embedded")
public record EmbeddedPostgresProperties(Path dataDir, int port, boolean temporary) {

    public EmbeddedPostgresProperties {
        if (dataDir == null) {
            dataDir = Path.of("var", "pgdata");
        }
    }
}
