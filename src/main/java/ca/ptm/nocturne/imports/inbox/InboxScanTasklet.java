package ca.ptm.nocturne.imports.inbox;

import ca.ptm.nocturne.imports.ImportProperties;
import ca.ptm.nocturne.imports.ledger.ImportBatch;
import ca.ptm.nocturne.imports.ledger.ImportBatchLedger;
import ca.ptm.nocturne.imports.ledger.NewBatch;
import ca.ptm.nocturne.imports.mapping.FileKind;
import ca.ptm.nocturne.imports.mapping.FileMapping;
import ca.ptm.nocturne.reference.InstitutionDirectory;
import ca.ptm.nocturne.shared.Printable;
import ca.ptm.nocturne.shared.Sha256;
import ca.ptm.nocturne.imports.parsing.RejectCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.core.scope.context.ChunkContext;

/**
 * First step of the import: looks at every file of the inbox once, sets aside the ones already imported (same
 * SHA-256) and the unreadable ones (each recorded in import_batch as REFUSED with its reason), and writes the
 * plan, the manifest, into the job's execution context for the steps that follow and for any restart.
 */
public class InboxScanTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(InboxScanTasklet.class);

    private final Path inbox;
    private final Map<FileKind, FileMapping> mappings;
    private final ImportBatchLedger ledger;
    private final InstitutionDirectory institutions;
    private final ImportProperties properties;

    public InboxScanTasklet(Path inbox, Map<FileKind, FileMapping> mappings, ImportBatchLedger ledger,
                            InstitutionDirectory institutions, ImportProperties properties) {
        this.inbox = inbox;
        this.mappings = mappings;
        this.ledger = ledger;
        this.institutions = institutions;
        this.properties = properties;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        Optional<String> refused = InboxFolder.problem(inbox, properties);
        if (refused.isPresent()) {
            throw new IllegalArgumentException(refused.get());
        }
        Path inboxReal = inbox.toRealPath();
        FileProfiler profiler = new FileProfiler(mappings);
        List<InboxFile> files = new ArrayList<>();
        List<ScanNote> notes = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        long instanceId = job.getJobInstance().getInstanceId();
        for (Path path : entries()) {
            String rawName = path.getFileName().toString();
            String name = Printable.escape(rawName);
            String shownPath = Printable.escape(path.toAbsolutePath().toString());
            ScanNote skipped = skipped(path, rawName, name, inboxReal);
            if (skipped != null) {
                if (skipped.outcome() == ScanNote.Outcome.REFUSED) {
                    ledger.refuse(new NewBatch(name, shownPath, pathIdentity(path), 0L, null, null, null, null, null, List.of(),
                            null), instanceId, job.getId(), RejectCode.UNREADABLE_FILE, 0, skipped.message());
                    log.warn("Inbox entry {} refused: {}", name, skipped.message());
                } else {
                    log.info("Inbox entry {} not imported: {}", name, skipped.message());
                }
                notes.add(skipped);
                continue;
            }
            boolean link = Files.isSymbolicLink(path);
            long modified = Files.getLastModifiedTime(path).toMillis();
            FileChecksum.Digest digest = FileChecksum.digest(path);
            String sha = digest.sha256();
            contribution.incrementReadCount();
            if (seen.containsKey(sha)) {
                notes.add(new ScanNote(name, ScanNote.Outcome.SAME_AS_ANOTHER_FILE, "Contenu identique à " + seen.get(sha) + " : ignoré"));
                continue;
            }
            seen.put(sha, name);
            Optional<ImportBatch> earlier = ledger.findBySha(sha);
            if (earlier.isPresent() && earlier.get().status().equals("COMPLETED")) {
                notes.add(new ScanNote(name, ScanNote.Outcome.ALREADY_IMPORTED, "Déjà importé (lot " + earlier.get().id()
                        + ", " + earlier.get().fileName() + ") : rien à faire"));
                continue;
            }
            try {
                FileProfile profile;
                try {
                    profile = profiler.profile(path, !link);
                } catch (FileRefusedException refusal) {
                    if (digest.endsWithLineBreak() || isNeverText(refusal)) {
                        throw refusal;
                    }
                    profile = null;
                }
                if (!digest.endsWithLineBreak()) {
                    // Binary and badly encoded files are refused whatever their end; any other file must be whole.
                    String message = "Dernière ligne sans fin de ligne : le fichier est peut-être encore en cours d'écriture, il "
                            + "est remis à la prochaine exécution. S'il est complet, ajoutez un saut de ligne à la fin.";
                    notes.add(new ScanNote(name, ScanNote.Outcome.HELD_BACK, message));
                    log.warn("Inbox file {} held back: its last line has no line ending", name);
                    continue;
                }
                List<String> warnings = new ArrayList<>(profile.warnings());
                String institution = institutionOf(profile.kind(), name, warnings);
                NewBatch batch = new NewBatch(name, shownPath, sha, digest.size(), profile.kind().id(), profile.encoding().name(),
                        String.valueOf(profile.delimiter()), profile.encoding().hasBom(), profile.hasHeader(), warnings,
                        digest.physicalLines());
                long batchId = ledger.reopenChanged(batch, instanceId, job.getId())
                        .orElseGet(() -> ledger.open(batch, instanceId, job.getId()));
                if (profile.dataRows() == 0) {
                    ledger.completeEmpty(batchId, profile.headerLines(), profile.blankLines());
                    notes.add(new ScanNote(name, ScanNote.Outcome.NO_DATA, "En-tête seul, aucune ligne de données"));
                    continue;
                }
                files.add(new InboxFile(name, path.toAbsolutePath().toString(), sha, digest.size(), profile.kind(), batchId,
                        profile.encoding().charset().name(), profile.encoding().hasBom(), profile.delimiter(), profile.hasHeader(),
                        profile.columnIndex(), profile.cellCount(), profile.firstDataLine(), profile.minFullDate(),
                        profile.maxFullDate(), institution, profile.dateColumns(), modified));
                log.info("Inbox file {}: {} ({}, delimiter '{}')", name, profile.kind().id(), profile.encoding().name(),
                        profile.delimiter() == '\t' ? "TAB" : String.valueOf(profile.delimiter()));
            } catch (FileRefusedException refusal) {
                ledger.refuse(new NewBatch(name, shownPath, sha, digest.size(), null, null, null, null, null, List.of(),
                        digest.physicalLines()), instanceId, job.getId(), refusal.code(), refusal.lineNumber(), refusal.getMessage());
                notes.add(new ScanNote(name, ScanNote.Outcome.REFUSED, refusal.getMessage()));
                log.warn("Inbox file {} refused: {} ({})", name, refusal.code(), refusal.getMessage());
            }
        }
        files.sort(Comparator.comparing(InboxFile::kind).thenComparing(InboxFile::fileName));
        job.getExecutionContext().put(ImportManifest.CONTEXT_KEY,
                new ImportManifest(Printable.escape(inbox.toAbsolutePath().toString()), files, notes));
        contribution.incrementWriteCount(files.size());
        return RepeatStatus.FINISHED;
    }

    /** A binary or badly encoded file: no amount of waiting makes it a readable export. */
    private static boolean isNeverText(FileRefusedException refusal) {
        return refusal.code() == RejectCode.UNREADABLE_FILE || refusal.code() == RejectCode.BAD_ENCODING;
    }

    /** Every entry of the inbox but its own README, in name order. */
    private List<Path> entries() throws IOException {
        try (Stream<Path> entries = Files.list(inbox)) {
            return entries.filter(p -> !p.getFileName().toString().equalsIgnoreCase("README.md")).sorted().toList();
        }
    }

    /**
     * Why an entry is not read at all, or null when it is a file to import. Nothing here opens the entry: a FIFO would
     * block the night, and a symbolic link is followed only to a file inside the inbox itself.
     */
    private ScanNote skipped(Path path, String rawName, String name, Path inboxReal) {
        if (rawName.startsWith(".")) {
            return new ScanNote(name, ScanNote.Outcome.IGNORED, "Fichier caché : ignoré");
        }
        if (rawName.toLowerCase(Locale.ROOT).endsWith(".part")) {
            return new ScanNote(name, ScanNote.Outcome.IGNORED, "Fichier .part (envoi en cours) : jamais lu");
        }
        if (Files.isSymbolicLink(path)) {
            if (!Files.exists(path)) {
                return new ScanNote(name, ScanNote.Outcome.NOT_A_FILE, "Lien symbolique cassé (sa cible n'existe pas) : ignoré");
            }
            try {
                if (!path.toRealPath().startsWith(inboxReal)) {
                    return new ScanNote(name, ScanNote.Outcome.REFUSED, "Lien symbolique vers un fichier hors de la boîte d'entrée : non lu");
                }
            } catch (IOException e) {
                return new ScanNote(name, ScanNote.Outcome.NOT_A_FILE, "Lien symbolique illisible : ignoré");
            }
        }
        if (Files.isDirectory(path)) {
            return looksLikeAnExport(path)
                    ? new ScanNote(name, ScanNote.Outcome.REFUSED, "C'est un dossier, pas un fichier : ignoré")
                    : new ScanNote(name, ScanNote.Outcome.IGNORED, "Sous-dossier : ignoré");
        }
        if (!Files.isRegularFile(path)) {
            return new ScanNote(name, ScanNote.Outcome.NOT_A_FILE,
                    "Ni un fichier ni un dossier (tube nommé, socket ou périphérique) : jamais ouvert");
        }
        if (!InboxFolder.isInsideRoots(path, properties)) {
            return new ScanNote(name, ScanNote.Outcome.REFUSED, "Fichier hors des dossiers autorisés : non lu");
        }
        return null;
    }

    private static boolean looksLikeAnExport(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt");
    }

    /** A refused entry that is not a readable file has no bytes to hash: its path stands for its identity. */
    private static String pathIdentity(Path path) {
        return Sha256.hex("not-a-file:" + path.toAbsolutePath());
    }

    private String institutionOf(FileKind kind, String fileName, List<String> warnings) {
        if (kind != FileKind.VENUE_PIANO) {
            return null;
        }
        return institutions.namedInFile(fileName).map(InstitutionDirectory.Institution::slug).orElseGet(() -> {
            warnings.add("Aucune institution dans le nom du fichier : « " + properties.defaultInstitution() + " » par défaut");
            return properties.defaultInstitution();
        });
    }
}
