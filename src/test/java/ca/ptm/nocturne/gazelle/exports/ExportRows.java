package ca.ptm.nocturne.gazelle.exports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds export rows from CSV text as DOMAIN.md shows it (comma, double quotes), cells trimmed like the reader does. */
final class ExportRows {

    private ExportRows() {
    }

    /** @param csv header line then data lines */
    static List<ExportRow> parse(String csv) {
        String[] lines = csv.strip().split("\n");
        List<String> headers = cells(lines[0]);
        List<ExportRow> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            rows.add(row(i + 1, headers, cells(lines[i])));
        }
        return rows;
    }

    static ExportRow row(int line, List<String> headers, List<String> cells) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            map.put(headers.get(i).strip(), i < cells.size() ? cells.get(i).strip() : "");
        }
        return new ExportRow(line, map);
    }

    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    static String header(String csv) {
        return csv.strip().split("\n")[0];
    }
}
