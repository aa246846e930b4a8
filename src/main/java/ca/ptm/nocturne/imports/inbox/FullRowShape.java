package ca.ptm.nocturne.imports.inbox;

import ca.ptm.nocturne.imports.conversion.LeadingLabelShift;
import ca.ptm.nocturne.imports.parsing.TextNormalizer;
import ca.ptm.nocturne.imports.reading.RowShape;
import java.util.List;

/**
 * A complete row of a recognised file: at least as many cells as the header, nothing filled beyond them, and a
 * date in every filled date column, with at least one (when the kind has date columns).
 */
public record FullRowShape(int cellCount, List<Integer> dateColumns) implements RowShape {

    public FullRowShape {
        dateColumns = List.copyOf(dateColumns);
    }

    public static RowShape of(InboxFile file) {
        return new FullRowShape(file.cellCount(), file.dateColumns());
    }

    @Override
    public boolean isFullRow(List<String> cells) {
        if (cells.size() < cellCount) {
            return false;
        }
        for (int i = cellCount; i < cells.size(); i++) {
            if (!TextNormalizer.isBlank(cells.get(i))) {
                return false;
            }
        }
        if (dateColumns.isEmpty()) {
            return true;
        }
        boolean dated = false;
        for (int column : dateColumns) {
            String cell = cells.get(column);
            if (TextNormalizer.isBlank(cell)) {
                continue;
            }
            if (!LeadingLabelShift.isDate(cell)) {
                return false;
            }
            dated = true;
        }
        return dated;
    }
}
