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
}
