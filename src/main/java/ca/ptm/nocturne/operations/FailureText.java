package ca.ptm.nocturne.operations;

/**
 * Spring Batch keeps a failure as a stack trace in the exit description; an admin needs its first sentence, and
 * the innermost cause is the one that says what happened ("Le fichier ... a été modifié", "Connection refused").
 */
public final class FailureText {

    private FailureText() {
    }

    public static String summarize(String exitDescription) {
        if (exitDescription == null || exitDescription.isBlank()) {
            return "";
        }
        String chosen = exitDescription.lines().findFirst().orElse("");
        for (String line : exitDescription.lines().toList()) {
            if (line.startsWith("Caused by: ")) {
                chosen = line.substring("Caused by: ".length());
            }
        }
        return withoutExceptionClass(chosen);
    }

    private static String withoutExceptionClass(String line) {
        int colon = line.indexOf(": ");
        if (colon > 0 && line.substring(0, colon).matches("[\\w.$]+(Exception|Error)")) {
            return line.substring(colon + 2);
        }
        return line;
    }
}
