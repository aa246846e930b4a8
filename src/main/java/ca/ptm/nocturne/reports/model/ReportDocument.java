package ca.ptm.nocturne.reports.model;

import ca.ptm.nocturne.reports.ReportKind;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One report ready to write: its rows in sections, already sorted and formatted through the columns, its totals,
 * and the texts of its header. The PDF and the CSV are both written from this object and nothing else.
 *
 * @param sectionHeaderKey bundle key of the leading CSV column that names the section; null when the report has
 *                         a single unnamed section (Facturation PdA)
 * @param highlight        rows to make stand out (overdue piano, stock under threshold); the row also carries a
 *                         text marker in one of its columns, colour is never the only sign
 * @param fileName         output name without extension, e.g. "inventaire-pianos-2026-11-24"
 * @param images           extra template parameters such as the chart PNG (InputStream)
 */
public record ReportDocument<R>(ReportKind kind, String fileName, String title, String period,
                                String sectionHeaderKey, List<Column<R>> columns, Predicate<R> highlight,
                                List<Section<R>> sections, List<Total> grandTotals, Map<String, Object> images) {

    public ReportDocument {
        columns = List.copyOf(columns);
        sections = List.copyOf(sections);
        grandTotals = List.copyOf(grandTotals);
        images = Map.copyOf(images);
    }

    public boolean isEmpty() {
        return sections.stream().allMatch(s -> s.rows().isEmpty());
    }

    public int rowCount() {
        return sections.stream().mapToInt(s -> s.rows().size()).sum();
    }
}
