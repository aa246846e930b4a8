package ca.ptm.nocturne.gazelle.exports;

import java.util.Map;

/**
 * One data row of a Gazelle CSV export.
 *
 * @param line  1-based line number in the file
 * @param cells header text (trimmed, as written in the file) to the cell's text (trimmed; empty string when blank)
 */
public record ExportRow(int line, Map<String, String> cells) {
}
