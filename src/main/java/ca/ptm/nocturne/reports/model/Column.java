package ca.ptm.nocturne.reports.model;

import java.util.function.Function;

/**
 * One column of a report: the field name the JRXML template declares, the bundle key of its header, and the
 * formatted cell. Both writers go through this list, which is what keeps the PDF and the CSV column for column equal.
 */
public record Column<R>(String field, String headerKey, Function<R, String> value) {

    public static <R> Column<R> of(String field, String headerKey, Function<R, String> value) {
        return new Column<>(field, headerKey, value);
    }

    public String cell(R row) {
        String text = value.apply(row);
        return text == null ? "" : text;
    }
}
