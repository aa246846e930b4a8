package ca.ptm.nocturne.maintenance;

import java.util.Locale;

/**
 * The kinds of maintenance alert: DOMAIN.md's four keyword kinds, a humidity reading outside the band, and a PLS
 * (Dampp-Chaser) piano whose readings stay outside the band for two visits, a contradiction worth its own kind.
 */
public enum AlertKind {
    HOUSSE("housse"), ALIMENTATION("alimentation"), RESERVOIR("réservoir"), AUTRE("autre"),
    HUMIDITE("humidité hors plage"), PLS("PLS inefficace");

    private final String label;

    AlertKind(String label) {
        this.label = label;
    }

    /** The value stored in maintenance_alert.alert_type. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** French words for reports and emails. */
    public String label() {
        return label;
    }

    public static AlertKind ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
