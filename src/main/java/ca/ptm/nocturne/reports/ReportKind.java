package ca.ptm.nocturne.reports;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The five reports, named by the French slug used on the command line and in job parameters. */
public enum ReportKind {
    INVENTAIRE("inventaire", "inventaire-pianos"),
    ENTRETIEN("entretien", "entretien"),
    CONTRATS("contrats", "contrats-service"),
    FACTURATION_PDA("facturation-pda", "facturation-pda"),
    FOURNITURES("fournitures", "inventaire-fournitures");

    private final String slug;
    private final String template;

    ReportKind(String slug, String template) {
        this.slug = slug;
        this.template = template;
    }

    public String slug() {
        return slug;
    }

    /** Name of the JRXML template (without .jrxml) and prefix of the output files. */
    public String template() {
        return template;
    }

    public static ReportKind fromSlug(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(k -> k.slug.equals(wanted) || k.name().equalsIgnoreCase(wanted.replace('-', '_')))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Rapport inconnu : « " + text.trim() + " » (attendus : "
                        + String.join(", ", Arrays.stream(values()).map(ReportKind::slug).toList()) + ")"));
    }

    /** "inventaire,contrats" → both; blank or null → every report. */
    public static Set<ReportKind> parseList(String commaList) {
        if (commaList == null || commaList.isBlank()) {
            return EnumSet.allOf(ReportKind.class);
        }
        EnumSet<ReportKind> kinds = EnumSet.noneOf(ReportKind.class);
        for (String part : commaList.split(",")) {
            if (!part.isBlank()) {
                kinds.add(fromSlug(part));
            }
        }
        return kinds.isEmpty() ? EnumSet.allOf(ReportKind.class) : kinds;
    }
}
