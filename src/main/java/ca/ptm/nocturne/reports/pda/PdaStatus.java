package ca.ptm.nocturne.reports.pda;

/** The request statuses of pda_request with the labels the staff know (DOMAIN, "Status lifecycle"). */
public enum PdaStatus {
    PENDING("Nouveau"),
    CREATED_IN_GAZELLE("Créé Gazelle"),
    ASSIGN_OK("Assigné"),
    COMPLETED("Complété"),
    BILLED("Facturé");

    private final String label;

    PdaStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
