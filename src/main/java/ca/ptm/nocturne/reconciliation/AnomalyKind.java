package ca.ptm.nocturne.reconciliation;

/**
 * What the reconciliation flags. The names are the CHECK list of pda_anomaly.kind (V7); the French text is the
 * summary line's subject, after the count.
 */
public enum AnomalyKind {
    UNLINKED_OVERDUE("demande(s) toujours sans rendez-vous Gazelle après le délai d'alerte"),
    REVIEW_NEEDED("demande(s) à vérifier : correspondance ex æquo, trop faible ou rendez-vous déjà pris"),
    ORPHAN_APPOINTMENT("rendez-vous Place des Arts sans demande (orphelins)"),
    LINKED_TO_CANCELLED("demande(s) liée(s) à un rendez-vous annulé dans Gazelle"),
    LINKED_TO_NO_SHOW("demande(s) liée(s) à un rendez-vous marqué « client absent » (NO_SHOW) dans Gazelle"),
    LINKED_TO_MISSING("demande(s) liée(s) à un rendez-vous introuvable dans Gazelle"),
    APPOINTMENT_SHARED("rendez-vous Gazelle lié(s) à plusieurs demandes"),
    DUPLICATE_REQUEST("groupe(s) de demandes en double (même clé métier)"),
    REQUEST_AFTER_APPOINTMENT("demande(s) datée(s) après leur rendez-vous"),
    DATE_MISMATCH("demande(s) dont le rendez-vous Gazelle est à une autre date"),
    PARKING_MISMATCH("stationnement(s) saisi(s) à la main différent(s) de la note de service"),
    TECHNICIAN_MISMATCH("demande(s) dont le technicien diffère de celui de Gazelle");

    private final String subject;

    AnomalyKind(String subject) {
        this.subject = subject;
    }

    public String subject() {
        return subject;
    }
}
