package ca.ptm.nocturne.imports.conversion;

import ca.ptm.nocturne.imports.inbox.InboxFile;
import ca.ptm.nocturne.imports.reading.ImportItem;

/**
 * Where a row stands: its file, its first line, its text as in the file, and whether it closes the file.
 *
 * @param rowsRead    data rows read from the file up to this one; with {@code lastOfFile}, the file's total
 * @param lastLine    the physical line the record ends on (a quoted field may span several)
 * @param headerLines header lines read just before this row, for the line accounting
 * @param blankLines  blank lines read since the previous row (and after this one when it is the last)
 * @param readSha256  with {@code lastOfFile}: SHA-256 of the bytes the reader read
 */
public record RowPosition(InboxFile file, int line, String rawLine, boolean lastOfFile, int rowsRead, int lastLine,
                          int headerLines, int blankLines, String readSha256) {

    static RowPosition of(ImportItem item) {
        return new RowPosition(item.file(), item.record().firstLine(), item.record().text(), item.lastOfFile(), item.rowsRead(),
                item.record().lastLine(), item.headerLines(), item.blankLines(), item.readSha256());
    }

    /** Physical lines of this row's record. */
    public int lineCount() {
        return lastLine - line + 1;
    }
}
