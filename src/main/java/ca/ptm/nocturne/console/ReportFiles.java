package ca.ptm.nocturne.console;

import ca.ptm.nocturne.reports.GenerateReportsTasklet;
import ca.ptm.nocturne.reports.ReportsConfiguration;
import ca.ptm.nocturne.reports.ReportsProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The reports a run produced (the generate-reports step's "reports.files", absolute paths) and the only files the
 * console will serve: PDF or CSV files that exist under the configured reports folder (nocturne.reports.output-dir),
 * symbolic links resolved. A download names the file by its position in that list, never by a path from the request.
 */
@Component
@ConditionalOnWebApplication
public class ReportFiles {

    private final ReportsProperties properties;

    public ReportFiles(ReportsProperties properties) {
        this.properties = properties;
    }

    /** One produced file; {@code servable} false when it is missing or outside the reports folder. */
    public record ReportLink(int index, String name, String kind, boolean servable) {
    }

    public List<ReportLink> of(JobExecution execution) {
        List<String> paths = paths(execution);
        List<ReportLink> links = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            Path path = Path.of(paths.get(i));
            links.add(new ReportLink(i, String.valueOf(path.getFileName()), kind(path), servable(path).isPresent()));
        }
        return links;
    }

    /** The file at this position of the run's list, only when it may be served. */
    public Optional<Path> servable(JobExecution execution, int index) {
        List<String> paths = paths(execution);
        if (index < 0 || index >= paths.size()) {
            return Optional.empty();
        }
        return servable(Path.of(paths.get(index)));
    }

    /** This file, when it is an existing PDF or CSV inside the reports folder (after resolving links); else empty. */
    public Optional<Path> servable(Path candidate) {
        if (kind(candidate) == null) {
            return Optional.empty();
        }
        try {
            Path root = properties.outputDir().toAbsolutePath().normalize();
            if (!Files.isDirectory(root)) {
                return Optional.empty();
            }
            Path realRoot = root.toRealPath();
            Path absolute = candidate.toAbsolutePath().normalize();
            if (!absolute.startsWith(root) && !absolute.startsWith(realRoot)) {
                return Optional.empty();
            }
            if (!Files.isRegularFile(absolute)) {
                return Optional.empty();
            }
            Path real = absolute.toRealPath();
            return real.startsWith(realRoot) ? Optional.of(real) : Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** "PDF" or "CSV", or null for any other file. */
    public static String kind(Path path) {
        String name = String.valueOf(path.getFileName()).toLowerCase(Locale.ROOT);
        if (name.endsWith(".pdf")) {
            return "PDF";
        }
        if (name.endsWith(".csv")) {
            return "CSV";
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static List<String> paths(JobExecution execution) {
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStepName().equals(ReportsConfiguration.STEP_NAME)) {
                Object files = step.getExecutionContext().get(GenerateReportsTasklet.FILES_KEY);
                if (files instanceof List<?> list) {
                    return list.stream().map(String::valueOf).toList();
                }
            }
        }
        return List.of();
    }
}
