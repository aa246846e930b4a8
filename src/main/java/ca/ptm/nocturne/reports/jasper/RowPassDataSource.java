package ca.ptm.nocturne.reports.jasper;

import ca.ptm.nocturne.reports.model.Column;
import ca.ptm.nocturne.reports.model.RowPass;
import ca.ptm.nocturne.reports.model.SectionTotals;
import ca.ptm.nocturne.reports.model.Total;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRField;

/**
 * The template's data source: pulls the rows through the {@link RowPass} one at a time instead of a list of maps.
 * Fields: the columns (formatted cells), {@code section}, {@code highlight}; {@code sectionLabels},
 * {@code sectionValues} and {@code sectionNotes} on the last row of a section only (the group footer is evaluated
 * with the values of its group's last row); {@code grandLabels}, {@code grandValues} and the summary fields (the
 * Entretien {@code chart}) on the last row only (the summary band reads the last row).
 */
final class RowPassDataSource implements JRDataSource {

    private final RowPass<?> pass;
    private final Map<String, Integer> columnIndex = new HashMap<>();

    RowPassDataSource(RowPass<?> pass, List<? extends Column<?>> columns) {
        this.pass = pass;
        for (int i = 0; i < columns.size(); i++) {
            columnIndex.put(columns.get(i).field(), i);
        }
    }

    @Override
    public boolean next() {
        return pass.advance();
    }

    @Override
    public Object getFieldValue(JRField field) {
        String name = field.getName();
        Integer column = columnIndex.get(name);
        if (column != null) {
            return pass.cells()[column];
        }
        SectionTotals end = pass.sectionEnd();
        return switch (name) {
            case "section" -> pass.section();
            case "highlight" -> pass.highlight();
            case "sectionLabels" -> end == null ? null : labels(end.totals());
            case "sectionValues" -> end == null ? null : values(end.totals());
            case "sectionNotes" -> end == null || end.notes().isEmpty() ? null : String.join("\n", end.notes());
            case "grandLabels" -> pass.isLast() ? labels(pass.grandTotals()) : null;
            case "grandValues" -> pass.isLast() ? values(pass.grandTotals()) : null;
            default -> pass.isLast() ? pass.summaryFields().get(name) : null;
        };
    }

    static String labels(List<Total> totals) {
        return totals.isEmpty() ? null : totals.stream().map(Total::label).collect(Collectors.joining("\n"));
    }

    static String values(List<Total> totals) {
        return totals.isEmpty() ? null : totals.stream().map(Total::value).collect(Collectors.joining("\n"));
    }
}
