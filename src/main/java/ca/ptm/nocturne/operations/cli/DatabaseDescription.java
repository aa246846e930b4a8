package ca.ptm.nocturne.operations.cli;

import ca.ptm.nocturne.shared.db.EmbeddedPostgresServer;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says where the data went, without ever printing a password. */
@Component
public class DatabaseDescription {

    private final Optional<EmbeddedPostgresServer> embedded;
    private final Environment environment;

    public DatabaseDescription(ObjectProvider<EmbeddedPostgresServer> embedded, Environment environment) {
        this.embedded = Optional.ofNullable(embedded.getIfAvailable());
        this.environment = environment;
    }

    public String describe() {
        return embedded.map(server -> "PostgreSQL intégrée (" + server.dataDir() + ", psql -h localhost -p " + server.port()
                        + " -U postgres)")
                .orElseGet(() -> "PostgreSQL externe " + withoutSecrets(environment.getProperty("spring.datasource.url", "")));
    }

    static String withoutSecrets(String url) {
        return url.replaceAll("(?i)(password|pwd)=[^&;]*", "$1=***").replaceAll("//[^/@]*:[^/@]*@", "//***@");
    }
}
