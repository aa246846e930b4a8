package ca.ptm.nocturne.reports.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One reading of a report's rows for both writers at once. The PDF filler pulls the rows; each row's cells are
 * formatted once and handed to the CSV as the filler moves onto it, so the rows are neither held in memory nor
 * read twice. The pass keeps one row ahead: that is what tells whether the current row is the last of its section
 * (whose totals are then complete and ride on that row, where the template's group footer reads them) or the last
 * of the report (grand totals and summary fields, for the summary band).
 */
public final class RowPass<R> {

    /** Receives every row, in order, as the pass moves onto it. */
    @FunctionalInterface
    public interface Listener {
        void row(String section, String[] cells);
    }

    private record Line(String section, String[] cells, boolean highlight) {
    }

    private final ReportRows<R> rows;
    private final ReportDocument<R> document;
    private final Listener listener;
    private final List<SectionTotals> finished = new ArrayList<>();
    private Line ahead;
    private Line current;
    private SectionTotals sectionEnd;
    private int count;

    public RowPass(ReportDocument<R> document, ReportRows<R> rows, Listener listener) {
        this.document = document;
        this.rows = rows;
        this.listener = listener;
        this.ahead = read();
    }

    /** True when the report has no row at all (known before the first {@link #advance()}). */
    public boolean isEmpty() {
        return count == 0 && ahead == null;
    }

    /** Moves onto the next row; false after the last one. */
    public boolean advance() {
        current = ahead;
        sectionEnd = null;
        if (current == null) {
            return false;
        }
        ahead = read();
        count++;
        if (ahead == null || !ahead.section().equals(current.section())) {
            sectionEnd = rows.totalsOf(current.section());
            finished.add(sectionEnd);
        }
        listener.row(current.section(), current.cells());
        return true;
    }

    /** Reads what the consumer left, so the CSV always gets every row. */
    public void drain() {
        while (advance()) {
            // the listener writes them
        }
    }

    public String section() {
        return current.section();
    }

    /** The formatted cells of the current row, in the order of the document's columns. */
    public String[] cells() {
        return current.cells();
    }

    public boolean highlight() {
        return current.highlight();
    }

    /** The totals of the current row's section when it is the section's last row, else null. */
    public SectionTotals sectionEnd() {
        return sectionEnd;
    }

    public boolean isLast() {
        return current != null && ahead == null;
    }

    /** Final once the last row has been reached. */
    public List<Total> grandTotals() {
        return rows.grandTotals();
    }

    /** Final once the last row has been reached. */
    public Map<String, Object> summaryFields() {
        return rows.summaryFields();
    }

    /** The sections passed so far, in order, with their totals. */
    public List<SectionTotals> sections() {
        return List.copyOf(finished);
    }

    public int rowCount() {
        return count;
    }

    private Line read() {
        if (!rows.next()) {
            return null;
        }
        R row = rows.row();
        List<Column<R>> columns = document.columns();
        String[] cells = new String[columns.size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = columns.get(i).cell(row);
        }
        return new Line(rows.section(), cells, document.highlight().test(row));
    }
}
