package ca.ptm.nocturne.imports.writing;

import java.util.List;

/** Where a record comes from: its file's batch and line, and the warnings to keep with it. */
public record RowOrigin(long batchId, int line, List<String> warnings) {

    public String[] warningArray() {
        return warnings.toArray(String[]::new);
    }
}
