package ca.ptm.nocturne.imports.inbox;

import ca.ptm.nocturne.imports.mapping.FileKind;
import java.io.Serializable;
import java.util.List;

/** The outcome of the scan step: the files to import, in order, and the files set aside with the reason. */
public record ImportManifest(String inbox, List<InboxFile> files, List<ScanNote> notes) implements Serializable {

    public static final String CONTEXT_KEY = "import.manifest";

    public ImportManifest {
        files = List.copyOf(files);
        notes = List.copyOf(notes);
    }

    public List<InboxFile> filesOf(FileKind kind) {
        return files.stream().filter(f -> f.kind() == kind).toList();
    }

    public boolean hasRefusals() {
        return notes.stream().anyMatch(n -> n.outcome() == ScanNote.Outcome.REFUSED);
    }
}
