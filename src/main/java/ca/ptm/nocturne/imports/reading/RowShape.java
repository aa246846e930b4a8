package ca.ptm.nocturne.imports.reading;

import java.util.List;

/**
 * What a complete row of a file looks like (its number of cells, a date where the header has one). The reader
 * uses it to tell a quoted field that legitimately spans lines from a stray quote that swallowed whole rows.
 */
@FunctionalInterface
public interface RowShape {

    /** Any line at all: the reader never second-guesses a multi-line field (files whose shape is unknown). */
    RowShape UNKNOWN = cells -> false;

    boolean isFullRow(List<String> cells);
}
