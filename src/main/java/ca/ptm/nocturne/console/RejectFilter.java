package ca.ptm.nocturne.console;

/**
 * The Rejets page's filters, all optional: the file name, the error code, the job instance (the rejects of one run),
 * and the state ("open": not resolved, the default; "resolved"; "all").
 */
public record RejectFilter(String file, String code, Long instance, String state) {

    public RejectFilter {
        file = blankToNull(file);
        code = blankToNull(code);
        state = state == null || !(state.equals("resolved") || state.equals("all")) ? "open" : state;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
