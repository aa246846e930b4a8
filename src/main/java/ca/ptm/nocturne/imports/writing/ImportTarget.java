package ca.ptm.nocturne.imports.writing;

/**
 * Writes one kind of record. Implementations are idempotent: a record read again from the same batch and line
 * (a replayed chunk, a file read again after an interrupted run) is WRITTEN again without a second row, and a
 * record whose business key another line or file already brought is a duplicate.
 */
public interface ImportTarget<T> {

    WriteOutcome write(T record, RowOrigin origin);
}
