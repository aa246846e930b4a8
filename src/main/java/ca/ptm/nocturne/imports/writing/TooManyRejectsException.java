package ca.ptm.nocturne.imports.writing;

/** A file is mostly garbage: its import stops so that nobody mistakes it for a normal night. */
public class TooManyRejectsException extends RuntimeException {

    public TooManyRejectsException(String message) {
        super(message);
    }
}
