package ca.ptm.nocturne.imports.writing;

import java.util.Map;
import java.util.Objects;

/**
 * Decides what a conflicting row means: the same batch and line is this very row read again (a restart replaying
 * lines, a file read again after an interrupted run), anything else a duplicate whose message says where the
 * original came from.
 */
public final class ExistingRow {

    private ExistingRow() {
    }

    /** @param existing the conflicting row's import_batch_id, source_line and file_name */
    public static WriteOutcome classify(Map<String, Object> existing, RowOrigin origin) {
        Number batch = (Number) existing.get("import_batch_id");
        Number line = (Number) existing.get("source_line");
        if (batch != null && batch.longValue() == origin.batchId() && line != null && line.intValue() == origin.line()) {
            return WriteOutcome.WRITTEN;
        }
        if (batch != null && batch.longValue() == origin.batchId()) {
            return WriteOutcome.duplicateOf("Doublon de la ligne " + line + " de ce fichier");
        }
        return WriteOutcome.duplicateOf(existing.get("file_name") == null ? "Doublon d'une ligne déjà en base"
                : "Doublon d'une ligne déjà importée (" + existing.get("file_name") + ", ligne " + Objects.toString(line, "?") + ")");
    }
}
