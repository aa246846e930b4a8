package ca.ptm.nocturne.reports.csv;

import ca.ptm.nocturne.reports.format.Messages;
import ca.ptm.nocturne.reports.model.Column;
import ca.ptm.nocturne.reports.model.ReportDocument;
import ca.ptm.nocturne.reports.model.RowPass;
import ca.ptm.nocturne.reports.model.SectionTotals;
import ca.ptm.nocturne.reports.model.Total;
import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One CSV file being written while its report's rows are read: the header at once, each row when the reading
 * reaches it, the totals lines of every section and the grand totals at the end (they come after all the rows, so
 * nothing needs to be kept but the few totals). Every line has the header's number of cells, so a spreadsheet keeps
 * its columns aligned. RFC 4180 quoting: the quote character is doubled, which is what opencsv does when the escape
 * character is the quote itself (with NO_ESCAPE_CHARACTER it would not double it and a value holding a quote would
 * break the file).
 */
public final class CsvSheet implements RowPass.Listener, Closeable {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final ICSVWriter csv;
    private final boolean named;
    private final int width;

    CsvSheet(ReportDocument<?> document, Path file, char separator) throws IOException {
        this.named = document.sectionHeaderKey() != null;
        this.width = document.columns().size() + (named ? 1 : 0);
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        try {
            out.write(BOM);
        } catch (IOException e) {
            out.close();
            throw e;
        }
        this.csv = new CSVWriterBuilder(new OutputStreamWriter(out, StandardCharsets.UTF_8))
                .withSeparator(separator)
                .withQuoteChar(ICSVWriter.DEFAULT_QUOTE_CHARACTER)
                .withEscapeChar(ICSVWriter.DEFAULT_QUOTE_CHARACTER)
                .withLineEnd("\r\n")
                .build();
        String[] header = new String[width];
        int i = 0;
        if (named) {
            header[i++] = Messages.get(document.sectionHeaderKey());
        }
        for (Column<?> column : document.columns()) {
            header[i++] = Messages.get(column.headerKey());
        }
        write(header);
    }

    @Override
    public void row(String section, String[] cells) {
        if (!named) {
            write(cells);
            return;
        }
        String[] line = new String[cells.length + 1];
        line[0] = section;
        System.arraycopy(cells, 0, line, 1, cells.length);
        write(line);
    }

    /** After the last row: the "no data" line of an empty report, else the totals of each section and the grand totals. */
    public void finish(RowPass<?> pass) {
        if (pass.rowCount() == 0) {
            write(padded(Messages.get("report.noData")));
            return;
        }
        for (SectionTotals section : pass.sections()) {
            String label = named ? Messages.get("report.total.section", section.section()) : Messages.get("report.total.grand");
            for (Total total : section.totals()) {
                write(padded(label, total.label(), total.value()));
            }
            for (String note : section.notes()) {
                write(padded(label, note));
            }
        }
        for (Total total : pass.grandTotals()) {
            write(padded(Messages.get("report.total.grand"), total.label(), total.value()));
        }
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }

    private String[] padded(String... cells) {
        String[] line = new String[Math.max(width, cells.length)];
        Arrays.fill(line, "");
        System.arraycopy(cells, 0, line, 0, cells.length);
        return line;
    }

    private void write(String[] line) {
        String[] safe = new String[line.length];
        for (int i = 0; i < line.length; i++) {
            safe[i] = FormulaGuard.neutralise(line[i]);
        }
        csv.writeNext(safe, false);
        // opencsv keeps a write failure instead of throwing it; checkError() would flush at every line
        if (csv.getException() != null) {
            throw new UncheckedIOException("CSV non écrit : " + csv.getException().getMessage(), csv.getException());
        }
    }
}
