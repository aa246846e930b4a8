package ca.ptm.nocturne.imports.reading;

import ca.ptm.nocturne.imports.inbox.InboxFile;

/**
 * A record of an inbox file as the reader hands it to the chunk.
 *
 * @param lastOfFile the file ends with this record: its batch is closed in the same transaction as its last rows
 * @param rowsRead   data rows read from the file so far, this one included
 */
public record ImportItem(InboxFile file, LogicalRecord record, boolean lastOfFile, int rowsRead) {
}
