package ca.ptm.nocturne.imports.reading;

/** RFC 4180 quoting: a field is quoted only when its first character is a quote; "" inside it is a quote. */
final class QuoteState {

    private QuoteState() {
    }

    static boolean endsInsideQuotes(CharSequence text, char delimiter) {
        boolean inQuotes = false;
        boolean atFieldStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        i++;
                    } else {
                        inQuotes = false;
                    }
                }
            } else if (c == delimiter || c == '\n') {
                atFieldStart = true;
                continue;
            } else if (c == '"' && atFieldStart) {
                inQuotes = true;
            }
            atFieldStart = false;
        }
        return inQuotes;
    }

    /**
     * The 1-based position of the first character standing between a closing quote and the next delimiter
     * ({@code "Feutre"garbage}), or 0 when every quoted field ends cleanly. A lenient parser would glue the two
     * together and store a value nobody typed.
     */
    static int textAfterClosingQuote(CharSequence text, char delimiter) {
        boolean inQuotes = false;
        boolean atFieldStart = true;
        boolean justClosed = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        i++;
                    } else {
                        inQuotes = false;
                        justClosed = true;
                    }
                }
                continue;
            }
            if (c == delimiter || c == '\n' || c == '\r') {
                atFieldStart = true;
                justClosed = false;
                continue;
            }
            if (justClosed && c != ' ') {
                return i + 1;
            }
            if (c == '"' && atFieldStart) {
                inQuotes = true;
            }
            atFieldStart = false;
        }
        return 0;
    }
}
