package ca.ptm.nocturne.operations;

/** The process exit codes that schedulers and scripts rely on. */
public enum ExitCode {
    COMPLETED(0), FAILED(1), BAD_USAGE(2), COMPLETED_WITH_WARNINGS(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
