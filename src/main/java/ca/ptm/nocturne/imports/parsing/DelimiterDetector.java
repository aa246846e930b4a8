package ca.ptm.nocturne.imports.parsing;

/**
 * Guesses the field delimiter of a CSV export from its header line. Excel in French writes ';',
 * other exports ',' or TAB. Separators inside double quotes are text, not delimiters.
 */
public final class DelimiterDetector {

    private static final char DEFAULT = ',';

    private DelimiterDetector() {
    }

    /** @return the most frequent of TAB, ';' and ','; ',' on a tie or when none occurs */
    public static char detect(String firstLine) {
        if (firstLine == null) {
            return DEFAULT;
        }
        int tabs = 0;
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        for (int i = 0; i < firstLine.length(); i++) {
            switch (firstLine.charAt(i)) {
                // An escaped quote "" toggles twice, which leaves the state unchanged as it should.
                case '"' -> quoted = !quoted;
                case '\t' -> tabs += quoted ? 0 : 1;
                case ';' -> semicolons += quoted ? 0 : 1;
                case ',' -> commas += quoted ? 0 : 1;
                default -> {
                }
            }
        }
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        if (semicolons > tabs && semicolons > commas) {
            return ';';
        }
        return DEFAULT;
    }
}
