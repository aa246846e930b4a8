package ca.ptm.nocturne.imports.parsing;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Reduces free text typed by hand (accents, dashes, stray spaces) to a comparable form, so that
 * "Salle Claude-Léveillée" and "salle claude leveillee" designate the same hall.
 */
public final class TextNormalizer {

    private static final char BOM = '\uFEFF';

    private TextNormalizer() {
    }

    /**
     * Lower case, without accents; hyphens, dashes, underscores, apostrophes and any kind of space
     * become one single space. Returns null for null.
     */
    public static String fold(String s) {
        if (s == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean pendingSpace = false;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (isCombiningMark(c)) {
                continue;
            }
            if (isWordSeparator(c)) {
                // Emitting the space lazily trims both ends and collapses runs in one pass.
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            switch (c) {
                case 'œ' -> out.append("oe");
                case 'æ' -> out.append("ae");
                case 'ß' -> out.append("ss");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Key for matching column headers whatever their spelling: folded, then only [a-z0-9] kept.
     * "Date de la demande" → "datedelademande", "Facturation (175$)" → "facturation175".
     */
    public static String headerKey(String s) {
        if (s == null) {
            return null;
        }
        // Excel writes a BOM that ends up glued to the first header when the file is read raw.
        String folded = fold(!s.isEmpty() && s.charAt(0) == BOM ? s.substring(1) : s);
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** True for null, empty, or only spaces — including the no-break spaces of French exports. */
    public static boolean isBlank(String s) {
        if (s == null) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isSpace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Like {@link String#strip()} but also removes no-break spaces. Returns null for null. */
    public static String strip(String s) {
        if (s == null) {
            return null;
        }
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isCombiningMark(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean isWordSeparator(char c) {
        return isSpace(c) || switch (c) {
            case '-', '_', '\'', '’', '‘', 'ʼ', '‐', '‑', '‒', '–', '—', '―' -> true;
            default -> false;
        };
    }
}
