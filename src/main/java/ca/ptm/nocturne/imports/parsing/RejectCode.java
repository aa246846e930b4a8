package ca.ptm.nocturne.imports.parsing;

/**
 * Why an imported row or file was rejected. The constant names are stable identifiers stored in
 * import reports; the labels are what the office staff read.
 */
public enum RejectCode {
    BAD_DATE("Date illisible"),
    AMBIGUOUS_YEAR("Année ambiguë"),
    BAD_AMOUNT("Montant illisible"),
    BAD_NUMBER("Nombre illisible"),
    BAD_VALUE("Valeur invalide"),
    BAD_ENCODING("Encodage non pris en charge"),
    MISSING_REQUIRED("Champ obligatoire manquant"),
    UNKNOWN_TECHNICIAN("Technicien inconnu"),
    UNKNOWN_PRODUCT("Produit inconnu"),
    BAD_STATUS("Statut invalide"),
    COLUMN_COUNT("Nombre de colonnes incorrect"),
    BAD_QUOTING("Guillemets mal fermés"),
    UNKNOWN_FORMAT("Format de fichier inconnu"),
    EMPTY_FILE("Fichier vide"),
    UNREADABLE_FILE("Fichier illisible"),
    DUPLICATE("Doublon"),
    UNKNOWN_INSTITUTION("Institution inconnue");

    private final String label;

    RejectCode(String label) {
        this.label = label;
    }

    /** Short French label, suitable as the first words of a message. */
    public String label() {
        return label;
    }
}
