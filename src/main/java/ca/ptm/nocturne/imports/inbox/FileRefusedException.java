package ca.ptm.nocturne.imports.inbox;

import ca.ptm.nocturne.imports.parsing.RejectCode;

/** A whole file cannot be imported; the message names the file's problem in French for the admin. */
public class FileRefusedException extends Exception {

    private final RejectCode code;
    private final int lineNumber;

    public FileRefusedException(RejectCode code, int lineNumber, String message) {
        super(message);
        this.code = code;
        this.lineNumber = lineNumber;
    }

    public RejectCode code() {
        return code;
    }

    public int lineNumber() {
        return lineNumber;
    }
}
