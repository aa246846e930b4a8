package ca.ptm.nocturne.imports.ledger;

/** One row of {@code import_reject}, with its file's name. */
public record ImportReject(long id, String fileName, int lineNumber, String fieldName, String rawValue, String errorCode,
                          String message, String rawLine) {
}
