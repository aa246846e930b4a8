package ca.ptm.nocturne.reports.model;

import java.util.List;
import java.util.Map;

/**
 * The rows of a report in print order, read once: either already in memory ({@link ListedRows}) or streamed from
 * the database ({@link StreamedRows}). The rows of a section are contiguous and a section name stands for one
 * section. Closing releases the database cursor.
 */
public interface ReportRows<R> extends AutoCloseable {

    /** Moves to the next row; false after the last one. */
    boolean next();

    R row();

    /** Name of the current row's section. */
    String section();

    /** Totals and notes of a section; complete once its last row has been read. */
    SectionTotals totalsOf(String section);

    /** Totals of the whole report; complete once {@link #next()} has returned false. */
    List<Total> grandTotals();

    /** Template fields computed from every row (see {@link ReportSummary}); complete after the last row. */
    Map<String, Object> summaryFields();

    @Override
    void close();

    /** Opens the rows of a report; called once per writing, inside the reading transaction. */
    @FunctionalInterface
    interface Source<R> {
        ReportRows<R> open();
    }
}
