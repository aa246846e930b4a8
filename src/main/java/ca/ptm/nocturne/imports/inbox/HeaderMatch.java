package ca.ptm.nocturne.imports.inbox;

import ca.ptm.nocturne.imports.mapping.ColumnMapping;
import ca.ptm.nocturne.imports.mapping.FileMapping;
import ca.ptm.nocturne.imports.parsing.TextNormalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How well a header line fits one mapping: which cell is which column, and which cells nobody knows. */
record HeaderMatch(FileMapping mapping, Map<String, Integer> columnIndex, List<String> unknownCells,
                   List<String> repeatedCells) {

    static HeaderMatch of(FileMapping mapping, List<String> cells) {
        Map<String, Integer> index = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        List<String> repeated = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            String key = TextNormalizer.headerKey(cell);
            if (key.isEmpty()) {
                continue;
            }
            ColumnMapping column = mapping.columns().stream().filter(c -> c.headerKeys().contains(key)).findFirst().orElse(null);
            if (column == null) {
                unknown.add(cell.trim());
            } else if (index.putIfAbsent(column.name(), i) != null) {
                repeated.add(cell.trim());
            }
        }
        return new HeaderMatch(mapping, index, unknown, repeated);
    }

    int matched() {
        return columnIndex.size();
    }

    boolean fits() {
        return matched() >= mapping.minMatchedColumns();
    }

    List<ColumnMapping> missingRequired() {
        return mapping.requiredColumns().stream().filter(c -> !columnIndex.containsKey(c.name())).toList();
    }
}
