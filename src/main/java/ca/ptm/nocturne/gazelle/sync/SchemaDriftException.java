package ca.ptm.nocturne.gazelle.sync;

import java.util.List;

/** The database lacks columns the sync writes: nothing is written until a migration adds them. */
public class SchemaDriftException extends RuntimeException {

    public SchemaDriftException(List<String> missing) {
        super("La base ne correspond plus au schéma attendu par la synchronisation Gazelle ; colonnes manquantes : "
                + String.join(", ", missing) + ". Rien n'a été écrit : appliquez les migrations (Flyway) puis relancez.");
    }
}
