package ca.ptm.nocturne.operations;

/** An admin action Spring Batch (or common sense) would refuse; the message says why and what to do, in French. */
public class OperationRefusedException extends RuntimeException {

    public OperationRefusedException(String message) {
        super(message);
    }
}
