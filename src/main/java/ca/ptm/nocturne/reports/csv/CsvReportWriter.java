package ca.ptm.nocturne.reports.csv;

import ca.ptm.nocturne.reports.model.ReportDocument;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a report as CSV: UTF-8 with a BOM (Excel fr-CA otherwise reads it as cp1252), the header, the rows in the
 * PDF's order as they are read, then the totals rows ("Total — École de musique;Pianos;5"). See {@link CsvSheet}.
 */
public class CsvReportWriter {

    private final char separator;

    public CsvReportWriter(char separator) {
        this.separator = separator;
    }

    /** Creates the file and writes its header; the rows follow through {@link CsvSheet#row}. */
    public <R> CsvSheet open(ReportDocument<R> document, Path file) throws IOException {
        return new CsvSheet(document, file, separator);
    }
}
