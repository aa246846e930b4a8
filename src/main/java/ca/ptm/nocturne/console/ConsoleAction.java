package ca.ptm.nocturne.console;

import java.util.Arrays;
import java.util.Optional;

/** What an admin can do from the console; the same JobOperator calls as the command line's. */
public enum ConsoleAction {

    RESTART("restart", "Reprendre", "jobs restart", true, true),
    STOP("stop", "Arrêter", "jobs stop", true, false),
    ABANDON("abandon", "Abandonner", "jobs abandon", true, false),
    RECOVER("recover", "Récupérer", "jobs recover", true, false),
    RUN_IMPORT("import", "Lancer l'import", "run import", false, true),
    RUN_GAZELLE_SYNC("gazelle-sync", "Lancer la synchronisation Gazelle", "run gazelle-sync", false, true),
    RUN_VALIDATE("validate", "Relancer le contrôle des comptes", "run validate", false, true);

    private final String slug;
    private final String label;
    private final String command;
    private final boolean onExecution;
    private final boolean background;

    ConsoleAction(String slug, String label, String command, boolean onExecution, boolean background) {
        this.slug = slug;
        this.label = label;
        this.command = command;
        this.onExecution = onExecution;
        this.background = background;
    }

    public String slug() {
        return slug;
    }

    /** The button's French label. */
    public String label() {
        return label;
    }

    /** The command line doing the same. */
    public String command() {
        return command;
    }

    /** Acts on one execution (restart, stop, abandon, recover) rather than launching a stage. */
    public boolean onExecution() {
        return onExecution;
    }

    /** Runs in the background (it can take minutes) rather than inside the request. */
    public boolean background() {
        return background;
    }

    public static Optional<ConsoleAction> onExecution(String slug) {
        return Arrays.stream(values()).filter(a -> a.onExecution && a.slug.equals(slug)).findFirst();
    }

    public static Optional<ConsoleAction> stage(String slug) {
        return Arrays.stream(values()).filter(a -> !a.onExecution && a.slug.equals(slug)).findFirst();
    }

    /** What it does, in one French sentence, for the confirmation page. */
    public String explanation() {
        return switch (this) {
            case RESTART -> "Spring Batch reprend l'exécution là où elle s'est arrêtée (après le dernier bloc validé), avec les mêmes paramètres. "
                    + "La reprise tourne en arrière-plan et peut durer plusieurs minutes.";
            case STOP -> "Demande l'arrêt : l'exécution s'arrêtera à la fin du bloc en cours et pourra ensuite être reprise.";
            case ABANDON -> "L'exécution est marquée abandonnée : elle ne pourra plus jamais être reprise. Une nouvelle nuit repartira de zéro.";
            case RECOVER -> "À utiliser quand le processus qui faisait tourner l'exécution est mort (kill -9, panne) : elle est marquée en "
                    + "échec pour pouvoir être reprise.";
            case RUN_IMPORT -> "Importe les fichiers de la boîte de réception, comme « run import ». Tourne en arrière-plan.";
            case RUN_GAZELLE_SYNC -> "Synchronise la copie Gazelle pour aujourd'hui, comme « run gazelle-sync ». Tourne en arrière-plan.";
            case RUN_VALIDATE -> "Recalcule le contrôle des comptes de la dernière exécution, comme « run validate ». Tourne en arrière-plan.";
        };
    }

    /** The French label of an audited action name (RESTART, RESOLVE_REJECT, ADD_USER, ...). */
    /** The Place des Arts actions of {@link PdaController}, which are not Batch operations. */
    private static final java.util.Map<String, String> PDA_LABELS = java.util.Map.of(
            PdaController.BILL, "Facturer la Place des Arts", PdaController.LINK, "Lier une demande Place des Arts",
            PdaController.DISMISS, "Écarter un rendez-vous orphelin", PdaController.ACCEPT, "Accepter un écart Place des Arts");

    public static String labelOf(String name) {
        if ("RESOLVE_REJECT".equals(name)) {
            return "Marquer un rejet résolu";
        }
        String userAction = ConsoleUsers.actionLabel(name);
        if (userAction != null) {
            return userAction;
        }
        String pda = PDA_LABELS.get(name);
        if (pda != null) {
            return pda;
        }
        return Arrays.stream(values()).filter(a -> a.name().equals(name)).map(ConsoleAction::label).findFirst().orElse(name);
    }
}
