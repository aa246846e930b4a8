package ca.ptm.nocturne.maintenance;

import ca.ptm.nocturne.imports.parsing.TextNormalizer;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The phrases of DOMAIN.md's humidity alerts in a service note, matched as whole words with accents and case folded
 * ("Sans HOUSSE" and "sans housse." match, "sanshousse" and "réservoirs vides remplis" do not). The phrases are
 * stored folded; a note matches at most once per kind (the first phrase found, in the list's order).
 */
public final class AlertKeywords {

    private static final Map<AlertKind, List<String>> PHRASES = new EnumMap<>(AlertKind.class);

    static {
        PHRASES.put(AlertKind.HOUSSE, List.of("sans housse", "pas de housse", "housse enlevee", "housse retiree",
                "housse absente", "housse manquante", "housse non remise", "housse pas remise"));
        PHRASES.put(AlertKind.ALIMENTATION, List.of("pls debranche", "pls debranchee", "pls non branche", "pls pas branche",
                "pls eteint", "pls hors tension", "dampp chaser debranche", "systeme debranche", "humidistat debranche",
                "alimentation coupee", "pas d alimentation", "fil debranche"));
        PHRASES.put(AlertKind.RESERVOIR, List.of("reservoir vide", "reservoir a sec", "reservoir presque vide",
                "remplir le reservoir", "reservoir non rempli", "voyant du reservoir", "tank vide"));
        PHRASES.put(AlertKind.AUTRE, List.of("fenetre ouverte", "fenetres ouvertes", "trop sec", "trop seche",
                "humidite elevee", "trop humide", "air tres sec", "chauffage au maximum", "porte exterieure ouverte",
                "infiltration d eau", "pres du calorifere", "sous la ventilation"));
    }

    /** A phrase found in a note: its kind and the words as the technician wrote them would read, folded. */
    public record Found(AlertKind kind, String phrase) {
    }

    private AlertKeywords() {
    }

    /** The kinds a note raises, each with the first phrase that raised it, in kind order. */
    public static List<Found> find(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String folded = " " + words(text) + " ";
        Map<AlertKind, Found> found = new LinkedHashMap<>();
        PHRASES.forEach((kind, phrases) -> {
            for (String phrase : phrases) {
                if (folded.contains(" " + phrase + " ")) {
                    found.put(kind, new Found(kind, phrase));
                    return;
                }
            }
        });
        return List.copyOf(found.values());
    }

    /** Folded (lower case, no accents) with every run of non-letters and non-digits as one space. */
    static String words(String text) {
        String folded = TextNormalizer.fold(text);
        StringBuilder out = new StringBuilder(folded.length());
        boolean space = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (space && out.length() > 0) {
                    out.append(' ');
                }
                out.append(c);
                space = false;
            } else {
                space = true;
            }
        }
        return out.toString();
    }
}
