package ca.ptm.nocturne.imports.inbox;

import ca.ptm.nocturne.imports.ImportProperties;
import ca.ptm.nocturne.imports.ledger.ImportBatch;
import ca.ptm.nocturne.imports.ledger.ImportBatchLedger;
import ca.ptm.nocturne.imports.ledger.NewBatch;
import ca.ptm.nocturne.imports.mapping.FileKind;
import ca.ptm.nocturne.imports.mapping.FileMapping;
import ca.ptm.nocturne.reference.InstitutionDirectory;
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
        if (!Files.isDirectory(inbox)) {
            throw new IOException("Le dossier d'entrée " + inbox.toAbsolutePath() + " n'existe pas");
        }
        if (!isAllowed(inbox)) {
            throw new IllegalArgumentException("Dossier d'entrée refusé : " + inbox.toAbsolutePath() + " (" + inbox.toRealPath()
                    + ") est hors des dossiers autorisés (" + allowedRootsText() + "). Déposez les fichiers dans la boîte "
                    + "d'entrée, ou ajoutez ce dossier à nocturne.import.allowed-roots.");
        }
        FileProfiler profiler = new FileProfiler(mappings);
        List<InboxFile> files = new ArrayList<>();
        List<ScanNote> notes = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Path path : candidates()) {
            String name = path.getFileName().toString();
            String notAFile = Files.isDirectory(path) ? "C'est un dossier, pas un fichier : ignoré"
                    : !isAllowed(path) ? "Lien vers un fichier hors des dossiers autorisés : non lu" : null;
            if (notAFile != null) {
                ledger.refuse(new NewBatch(name, path.toAbsolutePath().toString(), pathIdentity(path), 0L, null, null, null,
                        null, null, List.of()), job.getJobInstance().getInstanceId(), job.getId(), RejectCode.UNREADABLE_FILE, 0,
                        notAFile);
                notes.add(new ScanNote(name, ScanNote.Outcome.REFUSED, notAFile));
                log.warn("Inbox entry {} refused: {}", name, notAFile);
                continue;
            }
            String sha = FileChecksum.sha256(path);
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
                FileProfile profile = profiler.profile(path);
                List<String> warnings = new ArrayList<>(profile.warnings());
                String institution = institutionOf(profile.kind(), name, warnings);
                long batchId = ledger.open(new NewBatch(name, path.toAbsolutePath().toString(), sha, Files.size(path),
                        profile.kind().id(), profile.encoding().name(), String.valueOf(profile.delimiter()),
                        profile.encoding().hasBom(), profile.hasHeader(), warnings), job.getJobInstance().getInstanceId(), job.getId());
                if (profile.dataRows() == 0) {
                    ledger.complete(batchId, 0);
                    notes.add(new ScanNote(name, ScanNote.Outcome.NO_DATA, "En-tête seul, aucune ligne de données"));
                    continue;
                }
                files.add(new InboxFile(name, path.toAbsolutePath().toString(), sha, Files.size(path), profile.kind(), batchId,
                        profile.encoding().charset().name(), profile.encoding().hasBom(), profile.delimiter(), profile.hasHeader(),
                        profile.columnIndex(), profile.cellCount(), profile.firstDataLine(), profile.minFullDate(),
                        profile.maxFullDate(), institution));
                log.info("Inbox file {}: {} ({}, delimiter '{}')", name, profile.kind().id(), profile.encoding().name(),
                        profile.delimiter() == '\t' ? "TAB" : String.valueOf(profile.delimiter()));
            } catch (FileRefusedException refused) {
                ledger.refuse(new NewBatch(name, path.toAbsolutePath().toString(), sha, Files.size(path), null, null, null,
                        null, null, List.of()), job.getJobInstance().getInstanceId(), job.getId(), refused.code(),
                        refused.lineNumber(), refused.getMessage());
                notes.add(new ScanNote(name, ScanNote.Outcome.REFUSED, refused.getMessage()));
                log.warn("Inbox file {} refused: {} ({})", name, refused.code(), refused.getMessage());
            }
        }
        files.sort(Comparator.comparing(InboxFile::kind).thenComparing(InboxFile::fileName));
        job.getExecutionContext().put(ImportManifest.CONTEXT_KEY,
                new ImportManifest(inbox.toAbsolutePath().toString(), files, notes));
        contribution.incrementWriteCount(files.size());
        return RepeatStatus.FINISHED;
    }

    /**
     * The regular files of the inbox (symbolic links included, checked later), and the folders named like an export
     * ("x.csv"), which are refused rather than silently skipped. Other folders (an archive) are not the import's.
     */
    private List<Path> candidates() throws IOException {
        try (Stream<Path> entries = Files.list(inbox)) {
            return entries.filter(p -> Files.isRegularFile(p) || (Files.isDirectory(p) && looksLikeAnExport(p)))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().equalsIgnoreCase("README.md"))
                    .sorted().toList();
        }
    }

    private static boolean looksLikeAnExport(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt");
    }

    /** Inside one of the allowed roots once every symbolic link is resolved (a link out of the inbox is not). */
    private boolean isAllowed(Path path) throws IOException {
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            return false;
        }
        for (Path root : properties.allowedRoots()) {
            if (Files.isDirectory(root) && real.startsWith(root.toRealPath())) {
                return true;
            }
        }
        return false;
    }

    private String allowedRootsText() {
        return String.join(", ", properties.allowedRoots().stream().map(p -> p.toAbsolutePath().normalize().toString()).toList());
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
