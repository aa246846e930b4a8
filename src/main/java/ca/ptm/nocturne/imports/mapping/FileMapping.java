package ca.ptm.nocturne.imports.mapping;

import java.util.List;
import java.util.Optional;

/**
 * How one kind of legacy file is recognised and read, as declared in its mapping file under
 * {@code jobs/import/mappings/}.
 *
 * @param headerlessLayout column order of a file pasted without its header line (TAB pastes); empty when a header is
 *                         always present
 * @param leadingLabelShift a row whose first cell is not a date while the next two are has a label pasted in front
 *                         of it (the hall's full name); the label is dropped
 * @param minMatchedColumns how many header cells must be recognised before a file counts as this kind
 */
public record FileMapping(FileKind kind, String description, List<ColumnMapping> columns, List<String> headerlessLayout,
                          boolean leadingLabelShift, int minMatchedColumns) {

    public FileMapping {
        columns = List.copyOf(columns);
        headerlessLayout = List.copyOf(headerlessLayout);
    }

    public Optional<ColumnMapping> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public List<ColumnMapping> requiredColumns() {
        return columns.stream().filter(ColumnMapping::required).toList();
    }
}
