package ca.ptm.nocturne.gazelle.sync;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * Encodes the values of a {@link SyncRecord} in PostgreSQL's COPY text format: tab-separated fields, {@code \N} for
 * null, backslash escapes for backslash, tab and line breaks. Arrays become array literals, escaped once for the
 * literal and once more for COPY.
 */
final class CopyText {

    private static final String NULL = "\\N";

    private CopyText() {
    }

    /** Appends one field (no separator). */
    static void appendValue(StringBuilder out, Object value) {
        if (value == null) {
            out.append(NULL);
        } else if (value instanceof String text) {
            appendEscaped(out, text);
        } else if (value instanceof Boolean flag) {
            out.append(flag ? 't' : 'f');
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            out.append(value);
        } else if (value instanceof BigDecimal decimal) {
            out.append(decimal.toPlainString());
        } else if (value instanceof Instant || value instanceof LocalDate || value instanceof LocalTime) {
            out.append(value);   // ISO-8601, which PostgreSQL reads for timestamptz, date and time
        } else if (value instanceof List<?> list) {
            appendEscaped(out, arrayLiteral(list));
        } else if (value instanceof SyncRecord.JsonText json) {
            appendEscaped(out, json.json());
        } else {
            throw new IllegalArgumentException("No COPY encoding for " + value.getClass().getName());
        }
    }

    /** {"a","b \"c\""}: every element quoted, so commas, braces and spaces inside need no other care. */
    static String arrayLiteral(List<?> list) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            Object element = list.get(i);
            if (element == null) {
                literal.append("NULL");
                continue;
            }
            literal.append('"');
            String text = element.toString();
            for (int j = 0; j < text.length(); j++) {
                char c = text.charAt(j);
                if (c == '"' || c == '\\') {
                    literal.append('\\');
                }
                literal.append(c);
            }
            literal.append('"');
        }
        return literal.append('}').toString();
    }

    private static void appendEscaped(StringBuilder out, String text) {
        if (!needsEscape(text)) {
            out.append(text);   // the common case: one copy, no character by character
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    private static boolean needsEscape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
