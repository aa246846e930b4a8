package ca.ptm.nocturne.reports.model;

import java.util.List;

/**
 * A group of rows (an institution, a technician, a contract) with its totals and notes (warnings printed under
 * the totals, e.g. instalments that do not add up).
 */
public record Section<R>(String name, List<R> rows, List<Total> totals, List<String> notes) {

    public Section {
        rows = List.copyOf(rows);
        totals = List.copyOf(totals);
        notes = List.copyOf(notes);
    }

    public Section(String name, List<R> rows, List<Total> totals) {
        this(name, rows, totals, List.of());
    }
}
