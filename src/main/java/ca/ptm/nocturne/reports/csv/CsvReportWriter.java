package ca.ptm.nocturne.reports.csv;

import ca.ptm.nocturne.reports.format.Messages;
import ca.ptm.nocturne.reports.model.Column;
import ca.ptm.nocturne.reports.model.ReportDocument;
import ca.ptm.nocturne.reports.model.Section;
import ca.ptm.nocturne.reports.model.Total;
import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a report as CSV: UTF-8 with a BOM (Excel fr-CA otherwise reads it as cp1252), the header, the rows in the
 * PDF's order, then the totals rows ("Total — École de musique;Pianos;5"). RFC 4180 quoting: the quote character
 * is doubled, which is what opencsv does when the escape character is the quote itself (with NO_ESCAPE_CHARACTER
 * it would not double it and a value holding a quote would break the file).
 */
public class CsvReportWriter {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final char separator;

    public CsvReportWriter(char separator) {
        this.separator = separator;
    }

    public <R> void write(ReportDocument<R> document, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(BOM);
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            ICSVWriter csv = new CSVWriterBuilder(writer)
                    .withSeparator(separator)
                    .withQuoteChar(ICSVWriter.DEFAULT_QUOTE_CHARACTER)
                    .withEscapeChar(ICSVWriter.DEFAULT_QUOTE_CHARACTER)
                    .withLineEnd("\r\n")
                    .build();
            for (String[] line : lines(document)) {
                csv.writeNext(guard(line), false);
            }
            csv.flush();
            writer.flush();
        }
    }

    /** The lines of the file, before quoting: also what the tests compare with the PDF. */
    public static <R> List<String[]> lines(ReportDocument<R> document) {
        boolean named = document.sectionHeaderKey() != null;
        int width = document.columns().size() + (named ? 1 : 0);
        List<String[]> lines = new ArrayList<>();
        List<String> header = new ArrayList<>();
        if (named) {
            header.add(Messages.get(document.sectionHeaderKey()));
        }
        document.columns().forEach(c -> header.add(Messages.get(c.headerKey())));
        lines.add(header.toArray(String[]::new));
        if (document.isEmpty()) {
            lines.add(padded(width, Messages.get("report.noData")));
            return lines;
        }
        for (Section<R> section : document.sections()) {
            for (R row : section.rows()) {
                List<String> cells = new ArrayList<>();
                if (named) {
                    cells.add(section.name());
                }
                for (Column<R> column : document.columns()) {
                    cells.add(column.cell(row));
                }
                lines.add(cells.toArray(String[]::new));
            }
        }
        for (Section<R> section : document.sections()) {
            String label = named ? Messages.get("report.total.section", section.name()) : Messages.get("report.total.grand");
            for (Total total : section.totals()) {
                lines.add(padded(width, label, total.label(), total.value()));
            }
            for (String note : section.notes()) {
                lines.add(padded(width, label, note));
            }
        }
        for (Total total : document.grandTotals()) {
            lines.add(padded(width, Messages.get("report.total.grand"), total.label(), total.value()));
        }
        return lines;
    }

    /** Every line has the header's number of cells, so a spreadsheet keeps its columns aligned. */
    private static String[] padded(int width, String... cells) {
        String[] line = new String[Math.max(width, cells.length)];
        java.util.Arrays.fill(line, "");
        System.arraycopy(cells, 0, line, 0, cells.length);
        return line;
    }

    private static String[] guard(String[] line) {
        String[] safe = new String[line.length];
        for (int i = 0; i < line.length; i++) {
            safe[i] = FormulaGuard.neutralise(line[i]);
        }
        return safe;
    }
}
