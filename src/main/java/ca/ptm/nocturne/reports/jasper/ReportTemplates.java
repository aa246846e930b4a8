package ca.ptm.nocturne.reports.jasper;

import ca.ptm.nocturne.shared.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.engine.util.JRSaver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compiled JRXML templates. Compiling (JDT, about a second per template) happens once per template version:
 * the result is kept in memory for the life of the process and saved as {@code <name>-<hash>.jasper} in the cache
 * folder, so the next nightly process loads it instead of compiling. The hash of the JRXML bytes is the key: an
 * edited template gets a new file, a stale .jasper is never used. Only our own files are deserialised.
 */
public class ReportTemplates {

    private static final Logger log = LoggerFactory.getLogger(ReportTemplates.class);

    private final Path templatesDir;
    private final Path cacheDir;
    private final Map<String, JasperReport> compiled = new ConcurrentHashMap<>();

    public ReportTemplates(Path templatesDir, Path cacheDir) {
        this.templatesDir = templatesDir;
        this.cacheDir = cacheDir;
    }

    /** The compiled template {@code name}.jrxml of the templates folder. */
    public JasperReport get(String name) {
        return compiled.computeIfAbsent(name, this::load);
    }

    private JasperReport load(String name) {
        Path source = templatesDir.resolve(name + ".jrxml");
        try {
            byte[] jrxml = Files.readAllBytes(source);
            Path cached = cacheDir.resolve(name + "-" + hash(jrxml) + ".jasper");
            if (Files.isRegularFile(cached)) {
                try {
                    return (JasperReport) JRLoader.loadObject(cached.toFile());
                } catch (JRException | RuntimeException e) {
                    log.warn("Modèle compilé illisible, recompilation : {} ({})", cached, e.getMessage());
                }
            }
            JasperReport report;
            try (InputStream in = Files.newInputStream(source)) {
                report = JasperCompileManager.compileReport(in);
            }
            save(report, cached);
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException("Modèle de rapport introuvable : " + source.toAbsolutePath(), e);
        } catch (JRException e) {
            throw new IllegalStateException("Modèle de rapport invalide : " + source.toAbsolutePath() + " : " + e.getMessage(), e);
        }
    }

    /** Written to a temporary file then moved: two processes compiling at once never leave half a file. */
    private void save(JasperReport report, Path cached) {
        try {
            Files.createDirectories(cacheDir);
            Path temporary = Files.createTempFile(cacheDir, "compile", ".tmp");
            JRSaver.saveObject(report, temporary.toFile());
            Files.move(temporary, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | JRException e) {
            // the cache is an optimisation: the report is still produced from the in-memory copy
            log.warn("Cache des modèles non écrit : {} ({})", cached, e.getMessage());
        }
    }

    private static String hash(byte[] bytes) {
        return Sha256.hex(bytes).substring(0, 16);
    }
}
