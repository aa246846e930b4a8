package ca.ptm.nocturne.imports.writing;

import ca.ptm.nocturne.imports.inbox.InboxFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a file changed between the scan and the end of its import: other bytes read than the ones hashed by the
 * scan, or a size or modification time that moved since (a sender still appending). Such a file is not recorded
 * as imported; the next run reads it again.
 */
final class FileChange {

    private FileChange() {
    }

    /** Null when the file is as the scan saw it, else why not (French, for import_batch.message and the run's warnings). */
    static String since(InboxFile file, String readSha256) {
        Path path = Path.of(file.path());
        String what;
        try {
            long size = Files.size(path);
            long modified = Files.getLastModifiedTime(path).toMillis();
            if (readSha256 != null && !readSha256.equals(file.sha256())) {
                what = "les octets lus diffèrent de ceux vus au début de l'import";
            } else if (size != file.size()) {
                what = "sa taille est passée de " + file.size() + " à " + size + " octets";
            } else if (modified != file.lastModified()) {
                what = "sa date de modification a changé";
            } else {
                return null;
            }
        } catch (IOException gone) {
            what = "il a disparu";
        }
        return "Fichier modifié pendant son import (" + what + ") : il n'est pas compté comme importé et sera relu en entier "
                + "à la prochaine exécution, sans doublons.";
    }
}
