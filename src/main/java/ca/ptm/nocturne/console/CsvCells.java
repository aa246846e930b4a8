package ca.ptm.nocturne.console;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV for Excel fr-CA: ';' separated, CRLF, quoted when needed, and formula-guarded: a cell starting with = + - @
 * (or a tab / carriage return) gets a leading apostrophe, so a hostile value in a rejected line cannot run as a
 * formula when the file is opened in a spreadsheet.
 */
public final class CsvCells {

    public static final char SEPARATOR = ';';
    public static final String BOM = "\uFEFF";

    private CsvCells() {
    }

    public static String line(List<?> cells) {
        return cells.stream().map(CsvCells::cell).collect(Collectors.joining(String.valueOf(SEPARATOR))) + "\r\n";
    }

    public static String cell(Object value) {
        String text = value == null ? "" : value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(SEPARATOR) >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            text = '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
