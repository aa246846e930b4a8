package ca.ptm.nocturne.imports.inbox;

import java.io.Serializable;

/** What the scan decided about a file it will not import this time, for the run summary. */
public record ScanNote(String fileName, Outcome outcome, String message) implements Serializable {

    public enum Outcome {
        /** Same SHA-256 as a file already imported: nothing to do. */
        ALREADY_IMPORTED,
        /** Same bytes as another file of this scan. */
        SAME_AS_ANOTHER_FILE,
        /** A header and nothing below it: recorded as an import of zero rows. */
        NO_DATA,
        /** Unreadable: wrong encoding, binary, empty, unknown header or a required column missing. */
        REFUSED
    }
}
