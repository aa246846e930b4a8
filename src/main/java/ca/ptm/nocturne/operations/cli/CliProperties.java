package ca.ptm.nocturne.operations.cli;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param enabled run the command line at start-up; tests switch it off and call the commands directly */
@ConfigurationProperties("nocturne.cli")
public record CliProperties(Boolean enabled) {

    public CliProperties {
        enabled = enabled == null || enabled;
    }
}
