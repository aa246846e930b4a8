package ca.ptm.nocturne.reports;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the reports go and how they are written.
 *
 * @param outputDir       root of the dated run folders (var/reports/2026-11-24/...); the compiled-template cache
 *                        lives in its {@code .cache} sub-folder
 * @param csvSeparator    CSV field separator; ';' because Excel fr-CA expects it (the decimal comma rules out ',')
 * @param templatesDir    folder of the JRXML templates (the top-level {@code reports/} of the project)
 * @param maintenanceDays length of the Entretien period, the days just before the run date
 */
@ConfigurationProperties("nocturne.reports")
public record ReportsProperties(Path outputDir, Character csvSeparator, Path templatesDir, Integer maintenanceDays) {

    public ReportsProperties {
        outputDir = outputDir == null ? Path.of("var/reports") : outputDir;
        csvSeparator = csvSeparator == null ? ';' : csvSeparator;
        templatesDir = templatesDir == null ? Path.of("reports") : templatesDir;
        maintenanceDays = maintenanceDays == null || maintenanceDays <= 0 ? 30 : maintenanceDays;
    }

    public static ReportsProperties defaults() {
        return new ReportsProperties(null, null, null, null);
    }

    /** Compiled templates, keyed by the hash of their JRXML: a changed template is recompiled, never a stale one used. */
    public Path cacheDir() {
        return outputDir.resolve(".cache");
    }
}
