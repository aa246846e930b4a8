package ca.ptm.nocturne.imports.parsing;

/** Parses yes/no columns written in French, English, as 1/0, or as a check mark "x". */
public final class BooleanParser {

    private BooleanParser() {
    }

    /**
     * @return the value, or null for a blank cell (unknown is not the same as "non")
     * @throws ValueParseException BAD_VALUE for any other word
     */
    public static Boolean parse(String text) {
        if (TextNormalizer.isBlank(text)) {
            return null;
        }
        return switch (TextNormalizer.fold(text)) {
            case "true", "oui", "yes", "1", "vrai", "x" -> Boolean.TRUE;
            case "false", "non", "no", "0", "faux" -> Boolean.FALSE;
            default -> throw ValueParseException.of(RejectCode.BAD_VALUE,
                    "Valeur oui/non invalide", TextNormalizer.strip(text));
        };
    }
}
