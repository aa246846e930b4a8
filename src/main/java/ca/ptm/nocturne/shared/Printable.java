package ca.ptm.nocturne.shared;

/**
 * A name from outside (a file name, a path) made safe to print: control characters are shown escaped, so a file
 * called "x\nFAUX LOG" cannot forge a log line and one holding ESC cannot recolour a terminal.
 */
public final class Printable {

    private Printable() {
    }

    /** Line breaks and tabs as {@code \n}, {@code \r}, {@code \t}; other control characters as {@code \u001B}. */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && !isControl(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (isControl(c)) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** At most {@code max} characters of a line from a file, escaped, with "…" when cut. */
    public static String excerpt(String text, int max) {
        String cut = text.length() <= max ? text : text.substring(0, max) + "…";
        return escape(cut);
    }

    /** C0 and C1 controls, DEL, and the bidirectional overrides that reorder what a terminal shows. */
    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c < 0xA0) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
