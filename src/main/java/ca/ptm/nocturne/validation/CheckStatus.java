package ca.ptm.nocturne.validation;

/** The verdict of a count check; the worst verdict of a run decides its outcome. */
public enum CheckStatus {
    OK, WARN, FAIL;

    public CheckStatus worst(CheckStatus other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
