package ca.ptm.nocturne.imports.inbox;

import ca.ptm.nocturne.imports.ImportProperties;
import ca.ptm.nocturne.shared.Printable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a folder may be imported from: it exists, is a readable folder, and lies inside one of the allowed roots
 * once every symbolic link is resolved. Checked before any job instance is created (a refused folder leaves nothing
 * to abandon), and again by the scan step.
 */
public final class InboxFolder {

    private InboxFolder() {
    }

    /** Empty when the folder may be read, else one French line saying what is wrong and what to do. */
    public static Optional<String> problem(Path folder, ImportProperties properties) {
        String shown = Printable.escape(folder.toAbsolutePath().normalize().toString());
        if (!Files.exists(folder)) {
            return Optional.of("Dossier d'entrée introuvable : " + shown + ". Vérifiez le chemin donné à --dir (ou "
                    + "nocturne.import.inbox).");
        }
        if (!Files.isDirectory(folder)) {
            return Optional.of(shown + " n'est pas un dossier : donnez à --dir le dossier qui contient les fichiers à importer.");
        }
        if (!Files.isReadable(folder) || !Files.isExecutable(folder)) {
            return Optional.of("Dossier d'entrée illisible : " + shown + " (droits insuffisants pour l'utilisateur qui lance "
                    + "Nocturne). Donnez-lui le droit de lecture ou choisissez un autre dossier.");
        }
        if (!isInsideRoots(folder, properties)) {
            String real;
            try {
                real = Printable.escape(folder.toRealPath().toString());
            } catch (IOException e) {
                real = "?";
            }
            return Optional.of("Dossier d'entrée refusé : " + shown + " (" + real + ") est hors des dossiers autorisés ("
                    + rootsText(properties) + "). Déposez les fichiers dans la boîte d'entrée, ou ajoutez ce dossier à "
                    + "nocturne.import.allowed-roots.");
        }
        return Optional.empty();
    }

    /** Inside one of the allowed roots once every symbolic link is resolved. */
    static boolean isInsideRoots(Path path, ImportProperties properties) {
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            return false;
        }
        for (Path root : properties.allowedRoots()) {
            try {
                if (Files.isDirectory(root) && real.startsWith(root.toRealPath())) {
                    return true;
                }
            } catch (IOException e) {
                // a root that cannot be resolved admits nothing
            }
        }
        return false;
    }

    private static String rootsText(ImportProperties properties) {
        return String.join(", ", properties.allowedRoots().stream()
                .map(p -> Printable.escape(p.toAbsolutePath().normalize().toString())).toList());
    }
}
