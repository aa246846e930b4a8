package ca.ptm.nocturne.imports.reading;

import ca.ptm.nocturne.imports.inbox.InboxFile;

/**
 * A record of an inbox file as the reader hands it to the chunk.
 *
 * @param lastOfFile  the file ends with this record: its batch is closed in the same transaction as its last rows
 * @param rowsRead    data rows read from the file so far, this one included
 * @param headerLines physical lines of header records read just before this record (first record of a file)
 * @param blankLines  blank lines read since the previous record, and after this one when it is the last
 * @param readSha256  with {@code lastOfFile}: SHA-256 of the bytes the reader actually read, else null
 */
public record ImportItem(InboxFile file, LogicalRecord record, boolean lastOfFile, int rowsRead, int headerLines,
                         int blankLines, String readSha256) {
}
