package ca.ptm.nocturne.reports.jasper;

import ca.ptm.nocturne.reports.format.FrenchFormat;
import ca.ptm.nocturne.reports.format.Messages;
import ca.ptm.nocturne.reports.model.Column;
import ca.ptm.nocturne.reports.model.ReportDocument;
import ca.ptm.nocturne.reports.model.Section;
import ca.ptm.nocturne.reports.model.Total;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.fill.JRSwapFileVirtualizer;
import net.sf.jasperreports.engine.util.JRSwapFile;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.pdf.SimplePdfReportConfiguration;

/**
 * Fills a report's template with its rows and exports the PDF. Every row becomes a map holding the formatted
 * cells (the column fields), its section name, the section's totals and notes (printed in the group footer) and
 * the highlight flag. Pages are swapped to disk (JRSwapFileVirtualizer) so a 300-page maintenance log does not
 * have to fit in memory.
 */
public class PdfReportWriter {

    /** Pages kept in memory before the virtualizer swaps them out. */
    private static final int PAGES_IN_MEMORY = 20;

    private final ReportTemplates templates;

    public PdfReportWriter(ReportTemplates templates) {
        this.templates = templates;
    }

    public <R> void write(ReportDocument<R> document, ZonedDateTime generatedAt, Path file) throws IOException {
        JRSwapFileVirtualizer virtualizer = new JRSwapFileVirtualizer(PAGES_IN_MEMORY,
                new JRSwapFile(System.getProperty("java.io.tmpdir"), 4096, 256), true);
        try (OutputStream out = Files.newOutputStream(file)) {
            Map<String, Object> parameters = parameters(document, generatedAt);
            parameters.put(JRParameter.REPORT_VIRTUALIZER, virtualizer);
            JasperPrint print = JasperFillManager.fillReport(templates.get(document.kind().template()), parameters,
                    new JRMapCollectionDataSource(rows(document)));
            export(print, document.title(), out);
        } catch (JRException e) {
            throw new IOException("Rapport " + document.kind().slug() + " non produit : " + e.getMessage(), e);
        } finally {
            virtualizer.cleanup();
        }
    }

    static <R> Map<String, Object> parameters(ReportDocument<R> document, ZonedDateTime generatedAt) {
        Map<String, Object> parameters = new HashMap<>(document.images());
        parameters.put(JRParameter.REPORT_LOCALE, FrenchFormat.LOCALE);
        parameters.put(JRParameter.REPORT_TIME_ZONE, java.util.TimeZone.getTimeZone(generatedAt.getZone()));
        parameters.put("TITLE", document.title());
        parameters.put("PERIOD", document.period());
        parameters.put("GENERATED", Messages.get("report.generated", FrenchFormat.dateTime(generatedAt)));
        parameters.put("EMPTY", document.isEmpty());
        parameters.put("GRAND_LABELS", labels(document.grandTotals()));
        parameters.put("GRAND_VALUES", values(document.grandTotals()));
        return parameters;
    }

    static <R> List<Map<String, ?>> rows(ReportDocument<R> document) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (Section<R> section : document.sections()) {
            String labels = labels(section.totals());
            String values = values(section.totals());
            String notes = section.notes().isEmpty() ? null : String.join("\n", section.notes());
            for (R row : section.rows()) {
                Map<String, Object> fields = new HashMap<>();
                fields.put("section", section.name());
                fields.put("sectionLabels", labels);
                fields.put("sectionValues", values);
                fields.put("sectionNotes", notes);
                fields.put("highlight", document.highlight().test(row));
                for (Column<R> column : document.columns()) {
                    fields.put(column.field(), column.cell(row));
                }
                rows.add(fields);
            }
        }
        return rows;
    }

    private static String labels(List<Total> totals) {
        return totals.isEmpty() ? null : totals.stream().map(Total::label).collect(Collectors.joining("\n"));
    }

    private static String values(List<Total> totals) {
        return totals.isEmpty() ? null : totals.stream().map(Total::value).collect(Collectors.joining("\n"));
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
