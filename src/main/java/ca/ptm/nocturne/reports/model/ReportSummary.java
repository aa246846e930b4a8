package ca.ptm.nocturne.reports.model;

import java.util.Map;

/**
 * Template fields computed over every row of a report (the Entretien humidity chart). They are handed to the
 * template with the last row, which is the one the summary band reads.
 */
public interface ReportSummary<R> {

    void add(R row);

    /** Field name to value; asked once, after the last row. */
    Map<String, Object> fields();

    static <R> ReportSummary<R> none() {
        return new ReportSummary<>() {
            @Override
            public void add(R row) {
            }

            @Override
            public Map<String, Object> fields() {
                return Map.of();
            }
        };
    }
}
