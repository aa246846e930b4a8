package ca.ptm.nocturne.reports.model;

import java.util.List;

/** The totals and notes printed under a section, once its last row is known. */
public record SectionTotals(String section, List<Total> totals, List<String> notes) {

    public SectionTotals {
        totals = List.copyOf(totals);
        notes = List.copyOf(notes);
    }
}
