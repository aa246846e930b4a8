package ca.ptm.nocturne.imports.conversion;

import ca.ptm.nocturne.imports.inbox.InboxFile;
import ca.ptm.nocturne.imports.reading.ImportItem;

/**
 * Where a row stands: its file, its first line, its text as in the file, and whether it closes the file.
 *
 * @param rowsRead data rows read from the file up to this one; with {@code lastOfFile}, the file's total
 */
public record RowPosition(InboxFile file, int line, String rawLine, boolean lastOfFile, int rowsRead) {

    static RowPosition of(ImportItem item) {
        return new RowPosition(item.file(), item.record().firstLine(), item.record().text(), item.lastOfFile(), item.rowsRead());
    }
}
