package ca.ptm.nocturne.reports.model;

import java.util.List;

/**
 * Totals counted while the rows go by, so a streamed report never needs its rows twice: one tally per section and
 * one over the whole report.
 */
public interface Tally<R> {

    void add(R row);

    /** The totals so far, formatted; final once the last row of the tally's rows has been added. */
    List<Total> totals();
}
