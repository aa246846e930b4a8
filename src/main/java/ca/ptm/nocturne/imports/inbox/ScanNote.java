package ca.ptm.nocturne.imports.inbox;

import java.io.Serializable;

/** What the scan decided about an inbox entry it will not import this time, for the run summary. */
public record ScanNote(String fileName, Outcome outcome, String message) implements Serializable {

    public enum Outcome {
        /** Same SHA-256 as a file already imported: nothing to do. */
        ALREADY_IMPORTED,
        /** Same bytes as another file of this scan. */
        SAME_AS_ANOTHER_FILE,
        /** A header and nothing below it: recorded as an import of zero rows. */
        NO_DATA,
        /** Unreadable: wrong encoding, binary, empty, unknown header or a required column missing. */
        REFUSED,
        /** The last line has no line ending: the file may still be being written; read by a later run. A warning. */
        HELD_BACK,
        /** Not a regular file (a FIFO, a device, a broken symbolic link): never opened. A warning. */
        NOT_A_FILE,
        /** Not the import's by convention: a hidden file, a {@code *.part} file being sent, a sub-folder. */
        IGNORED;

        /** Outcomes that make the run "completed with warnings". */
        public boolean warns() {
            return this == HELD_BACK || this == NOT_A_FILE;
        }
    }
}
