package ca.ptm.nocturne.reports.model;

import ca.ptm.nocturne.reports.ReportKind;
import java.util.List;
import java.util.function.Predicate;

/**
 * One report ready to write: the texts of its header, its columns, and where its rows come from (sorted, in
 * sections, with their totals). The PDF and the CSV are both written from this object and nothing else, in one
 * reading of the rows ({@link RowPass}).
 *
 * @param sectionHeaderKey bundle key of the leading CSV column that names the section; null when the report has
 *                         a single unnamed section (Facturation PdA)
 * @param highlight        rows to make stand out (overdue piano, stock under threshold); the row also carries a
 *                         text marker in one of its columns, colour is never the only sign
 * @param fileName         output name without extension, e.g. "inventaire-pianos-2026-11-24"
 * @param rows             opened once per writing, inside a read-only transaction (a streamed source needs one)
 */
public record ReportDocument<R>(ReportKind kind, String fileName, String title, String period,
                                String sectionHeaderKey, List<Column<R>> columns, Predicate<R> highlight,
                                ReportRows.Source<R> rows) {

    public ReportDocument {
        columns = List.copyOf(columns);
    }
}
