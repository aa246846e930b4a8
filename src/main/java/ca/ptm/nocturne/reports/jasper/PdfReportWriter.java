package ca.ptm.nocturne.reports.jasper;

import ca.ptm.nocturne.reports.format.FrenchFormat;
import ca.ptm.nocturne.reports.format.Messages;
import ca.ptm.nocturne.reports.model.ReportDocument;
import ca.ptm.nocturne.reports.model.RowPass;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.TimeZone;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.fill.JRSwapFileVirtualizer;
import net.sf.jasperreports.engine.util.JRSwapFile;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.pdf.SimplePdfReportConfiguration;

/**
 * Fills a report's template with its rows and exports the PDF. The rows are pulled one by one through the
 * {@link RowPass} ({@link RowPassDataSource}), and filled pages are swapped to disk (JRSwapFileVirtualizer), so
 * neither the rows of a 300,000-row maintenance log nor its 10,000 pages have to fit in memory.
 */
public class PdfReportWriter {

    /**
     * Pages kept in memory before the virtualizer swaps them out. A page of the log holds about 0.3 MB of live heap:
     * 300 pages cost 85 MB more than 20 for no time measurably saved (bench/reports-scale.sh).
     */
    private static final int PAGES_IN_MEMORY = 20;

    private final ReportTemplates templates;

    public PdfReportWriter(ReportTemplates templates) {
        this.templates = templates;
    }

    /** Fills the template, which drives the pass to its end, then writes the PDF. */
    public <R> void write(ReportDocument<R> document, RowPass<R> pass, ZonedDateTime generatedAt, Path file)
            throws IOException {
        JRSwapFileVirtualizer virtualizer = new JRSwapFileVirtualizer(PAGES_IN_MEMORY,
                new JRSwapFile(System.getProperty("java.io.tmpdir"), 4096, 256), true);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            Map<String, Object> parameters = parameters(document, pass.isEmpty(), generatedAt);
            parameters.put(JRParameter.REPORT_VIRTUALIZER, virtualizer);
            JasperPrint print = JasperFillManager.fillReport(templates.get(document.kind().template()), parameters,
                    new RowPassDataSource(pass, document.columns()));
            export(print, document.title(), out);
        } catch (JRException e) {
            throw new IOException("Rapport " + document.kind().slug() + " non produit : " + e.getMessage(), e);
        } finally {
            virtualizer.cleanup();
        }
    }

    static Map<String, Object> parameters(ReportDocument<?> document, boolean empty, ZonedDateTime generatedAt) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put(JRParameter.REPORT_LOCALE, FrenchFormat.LOCALE);
        parameters.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone(generatedAt.getZone()));
        parameters.put("TITLE", document.title());
        parameters.put("PERIOD", document.period());
        parameters.put("GENERATED", Messages.get("report.generated", FrenchFormat.dateTime(generatedAt)));
        parameters.put("EMPTY", empty);
        return parameters;
    }

    private static void export(JasperPrint print, String title, OutputStream out) throws JRException {
        JRPdfExporter exporter = new JRPdfExporter();
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
        configuration.setMetadataTitle(title);
        configuration.setMetadataAuthor("Piano Technique Montréal — Nocturne");
        configuration.setDisplayMetadataTitle(true);
        exporter.setConfiguration(configuration);
        SimplePdfReportConfiguration report = new SimplePdfReportConfiguration();
        report.setForceLineBreakPolicy(false);
        exporter.setConfiguration(report);
        exporter.exportReport();
    }
}
