package ca.ptm.nocturne.reports;

import ca.ptm.nocturne.reports.csv.CsvReportWriter;
import ca.ptm.nocturne.reports.csv.CsvSheet;
import ca.ptm.nocturne.reports.jasper.PdfReportWriter;
import ca.ptm.nocturne.reports.model.ReportBuilder;
import ca.ptm.nocturne.reports.model.ReportContext;
import ca.ptm.nocturne.reports.model.ReportDocument;
import ca.ptm.nocturne.reports.model.ReportRows;
import ca.ptm.nocturne.reports.model.RowPass;
import ca.ptm.nocturne.shared.time.BusinessTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Produces the reports of a run date: for each report its PDF and its CSV, in {@code <outputDir>/<run date>/}.
 * Each file is written under a temporary name and then moved into place, so the folder never holds half a PDF
 * and a repeated run replaces the files of the same date. A report's rows are read once, inside a read-only
 * transaction: PostgreSQL streams a result set through a cursor only when autocommit is off, and the PDF and the
 * CSV are written from that single reading.
 */
public class ReportService {

    private static final Logger log = LoggerFactory.getLogger(ReportService.class);

    private final Map<ReportKind, ReportBuilder> builders = new EnumMap<>(ReportKind.class);
    private final ReportsProperties properties;
    private final PdfReportWriter pdf;
    private final CsvReportWriter csv;
    private final Clock clock;
    private final TransactionOperations readOnly;

    /** @param readOnly a read-only transaction around each report's reading (joins the step's when there is one) */
    public ReportService(List<ReportBuilder> builders, ReportsProperties properties, PdfReportWriter pdf,
                         CsvReportWriter csv, Clock clock, TransactionOperations readOnly) {
        builders.forEach(b -> this.builders.put(b.kind(), b));
        this.properties = properties;
        this.pdf = pdf;
        this.csv = csv;
        this.clock = clock;
        this.readOnly = readOnly;
    }

    /**
     * Writes the PDF and CSV of each report of {@code only} (every report when empty or null), in the order of
     * {@link ReportKind}, and returns the files written (PDF then CSV of each report).
     */
    public List<Path> generate(LocalDate runDate, Set<ReportKind> only) {
        Path folder = folder(runDate);
        ZonedDateTime generatedAt = ZonedDateTime.now(clock.withZone(BusinessTime.ZONE));
        ReportContext context = new ReportContext(runDate, generatedAt);
        List<Path> files = new ArrayList<>();
        for (ReportKind kind : ReportKind.values()) {
            if (only != null && !only.isEmpty() && !only.contains(kind)) {
                continue;
            }
            ReportBuilder builder = builders.get(kind);
            if (builder == null) {
                throw new IllegalStateException("Aucun générateur pour le rapport " + kind.slug());
            }
            files.addAll(readOnly.execute(status -> write(builder.build(context), folder, generatedAt)));
        }
        return files;
    }

    /** The dated folder of a run: var/reports/2026-11-24. */
    public Path folder(LocalDate runDate) {
        return properties.outputDir().resolve(runDate.toString());
    }

    private <R> List<Path> write(ReportDocument<R> document, Path folder, ZonedDateTime generatedAt) {
        long started = System.nanoTime();
        try {
            Files.createDirectories(folder);
            Path pdfFile = folder.resolve(document.fileName() + ".pdf");
            Path csvFile = folder.resolve(document.fileName() + ".csv");
            Path pdfPart = Files.createTempFile(folder, document.fileName(), ".pdf.part");
            Path csvPart = Files.createTempFile(folder, document.fileName(), ".csv.part");
            int rowCount;
            try {
                try (ReportRows<R> rows = document.rows().open(); CsvSheet sheet = csv.open(document, csvPart)) {
                    RowPass<R> pass = new RowPass<>(document, rows, sheet);
                    pdf.write(document, pass, generatedAt, pdfPart);
                    pass.drain();
                    sheet.finish(pass);
                    rowCount = pass.rowCount();
                }
                Files.move(pdfPart, pdfFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                Files.move(csvPart, csvFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(pdfPart);
                Files.deleteIfExists(csvPart);
            }
            log.info("Report {}: {} rows in {} s -> {}", document.kind().slug(), rowCount,
                    String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9), pdfFile);
            return List.of(pdfFile.toAbsolutePath(), csvFile.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("Rapport " + document.kind().slug() + " non écrit : " + e.getMessage(), e);
        }
    }
}
