package ca.ptm.nocturne.gazelle.mapping;

import java.util.Locale;

/** The display name of a client as the dashboard shows it, the same whether it comes from the API or an export. */
public final class ClientNames {

    /** Appended to some company names in Gazelle by an old merge; it is not part of the name. */
    static final String POLLUTING_SUFFIX = ", son historique";

    private ClientNames() {
    }

    /**
     * @return the company name without the ", son historique" suffix; when it is blank, "first last" of the default
     *     contact; null when all are blank
     */
    public static String companyName(String companyName, String contactFirstName, String contactLastName) {
        String company = stripSuffix(blankToNull(companyName));
        if (company != null) {
            return company;
        }
        String first = blankToNull(contactFirstName);
        String last = blankToNull(contactLastName);
        if (first == null && last == null) {
            return null;
        }
        return first == null ? last : last == null ? first : first + ' ' + last;
    }

    private static String stripSuffix(String name) {
        if (name == null || !name.toLowerCase(Locale.ROOT).endsWith(POLLUTING_SUFFIX)) {
            return name;
        }
        return blankToNull(name.substring(0, name.length() - POLLUTING_SUFFIX.length()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
