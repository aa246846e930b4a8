package ca.ptm.nocturne.reconciliation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Place des Arts reconciliation settings ({@code nocturne.pda.*}).
 *
 * @param linkLookbackDays       requests and Gazelle appointments dated from this many days before the run date on are
 *                               matched, checked and searched for orphans (60)
 * @param completionLookbackDays linked requests dated from this many days before the run date on move to COMPLETED when
 *                               Gazelle completed their appointment (45); the job parameter {@code lookback-days}
 *                               overrides it for one run
 * @param minScore               lowest matching score a best candidate needs to be linked (2, a low bar)
 * @param unlinkedAlertHours     a request still unlinked this long after its appointment is an anomaly (24)
 */
@ConfigurationProperties("nocturne.pda")
public record PdaReconcileProperties(int linkLookbackDays, int completionLookbackDays, int minScore, int unlinkedAlertHours) {

    public static final PdaReconcileProperties DEFAULTS = new PdaReconcileProperties(0, 0, 0, 0);

    public PdaReconcileProperties {
        linkLookbackDays = linkLookbackDays <= 0 ? 60 : linkLookbackDays;
        completionLookbackDays = completionLookbackDays <= 0 ? 45 : completionLookbackDays;
        minScore = minScore <= 0 ? 2 : minScore;
        unlinkedAlertHours = unlinkedAlertHours <= 0 ? 24 : unlinkedAlertHours;
    }
}
