package ca.ptm.nocturne.imports.writing;

import ca.ptm.nocturne.imports.conversion.FieldProblem;
import ca.ptm.nocturne.imports.conversion.RowOutcome;
import ca.ptm.nocturne.imports.conversion.RowPosition;
import ca.ptm.nocturne.imports.inbox.InboxFile;
import ca.ptm.nocturne.imports.ledger.ImportBatchLedger;
import ca.ptm.nocturne.imports.parsing.RejectCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a chunk of judged rows in the chunk's transaction: accepted records through the kind's target, each
 * inside a savepoint so that one row the database refuses is rejected alone, never its whole chunk; rejected rows
 * and duplicates into import_reject; the file's counters; and, at the end of a file, its batch marked COMPLETED.
 */
public class ImportRowWriter<T> implements ItemWriter<RowOutcome> {

    private static final class Counts {
        int written;
        int duplicates;
        int rejected;
        int recordLines;
        int headerLines;
        int blankLines;
    }

    private final ImportTarget<T> target;
    private final ImportBatchLedger ledger;
    private final TransactionTemplate savepoint;
    private final int skipLimit;
    private final long jobExecutionId;
    private final int longRecordLines;

    public ImportRowWriter(ImportTarget<T> target, ImportBatchLedger ledger, PlatformTransactionManager transactionManager,
                           int skipLimit, long jobExecutionId) {
        this(target, ledger, transactionManager, skipLimit, jobExecutionId, Integer.MAX_VALUE);
    }

    /** @param longRecordLines a record over more physical lines than this is noted in its file's warnings */
    public ImportRowWriter(ImportTarget<T> target, ImportBatchLedger ledger, PlatformTransactionManager transactionManager,
                           int skipLimit, long jobExecutionId, int longRecordLines) {
        this.longRecordLines = longRecordLines;
        this.target = target;
        this.ledger = ledger;
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.skipLimit = skipLimit;
        this.jobExecutionId = jobExecutionId;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void write(Chunk<? extends RowOutcome> chunk) {
        Map<InboxFile, Counts> counts = new LinkedHashMap<>();
        for (RowOutcome outcome : chunk) {
            RowPosition at = outcome.at();
            Counts fileCounts = counts.computeIfAbsent(at.file(), f -> {
                ledger.start(f.batchId(), jobExecutionId);
                return new Counts();
            });
            fileCounts.recordLines += at.lineCount();
            fileCounts.headerLines += at.headerLines();
            fileCounts.blankLines += at.blankLines();
            if (at.lineCount() > longRecordLines) {
                ledger.warn(at.file().batchId(), ImportBatchLedger.LONG_RECORD + " : lignes " + at.line() + " à " + at.lastLine()
                        + " (" + at.lineCount() + " lignes) ne forment qu'un enregistrement ; vérifiez ses guillemets");
            }
            if (outcome instanceof RowOutcome.Accepted<?> accepted) {
                write((RowOutcome.Accepted<T>) accepted, fileCounts);
            } else if (outcome instanceof RowOutcome.Rejected rejected) {
                for (FieldProblem problem : rejected.problems()) {
                    ledger.reject(at.file().batchId(), at.line(), at.rawLine(), problem.field(), problem.rawValue(),
                            problem.code(), problem.message());
                }
                fileCounts.rejected++;
            }
            if (at.lastOfFile()) {
                flush(at.file(), fileCounts);
                String change = FileChange.since(at.file(), at.readSha256());
                if (change == null) {
                    ledger.complete(at.file().batchId(), at.rowsRead());
                } else {
                    ledger.changed(at.file().batchId(), at.rowsRead(), change);
                }
            }
        }
        counts.forEach(this::flush);
    }

    private void write(RowOutcome.Accepted<T> accepted, Counts counts) {
        RowPosition at = accepted.at();
        long batchId = at.file().batchId();
        WriteOutcome outcome;
        try {
            outcome = savepoint.execute(status -> target.write(accepted.record(), new RowOrigin(batchId, at.line(), accepted.warnings())));
        } catch (DataIntegrityViolationException e) {
            Optional<UniqueConflict> conflict = UniqueConflict.of(e);
            if (conflict.isPresent()) {
                // A unique key of any table (a product's code, …): a duplicate of the row that holds it, named.
                UniqueConflict key = conflict.get();
                String message = ledger.originOf(key.table(), key.columns(), key.values())
                        .map(existing -> ExistingRow.classify(existing, new RowOrigin(batchId, -1, List.of())).message())
                        .orElse("Doublon d'une ligne déjà en base");
                ledger.reject(batchId, at.line(), at.rawLine(), String.join(",", key.columns()), String.join(", ", key.values()),
                        RejectCode.DUPLICATE, message + " (" + String.join(", ", key.columns()) + " = " + String.join(", ", key.values()) + ")");
                counts.duplicates++;
                return;
            }
            ledger.reject(batchId, at.line(), at.rawLine(), "", null, RejectCode.BAD_VALUE,
                    "Refusée par la base de données : " + rootMessage(e));
            counts.rejected++;
            return;
        }
        if (outcome.duplicate()) {
            ledger.reject(batchId, at.line(), at.rawLine(), "", null, RejectCode.DUPLICATE, outcome.message());
            counts.duplicates++;
        } else {
            counts.written++;
        }
    }

    private void flush(InboxFile file, Counts counts) {
        if (counts.written + counts.duplicates + counts.rejected == 0) {
            return;
        }
        ledger.count(file.batchId(), counts.written, counts.duplicates, counts.rejected, counts.recordLines, counts.headerLines,
                counts.blankLines);
        int rejectedSoFar = counts.rejected > 0 ? ledger.rejectedRows(file.batchId()) : 0;
        if (rejectedSoFar > skipLimit) {
            throw new TooManyRejectsException("Trop de lignes rejetées dans " + file.fileName() + " : " + rejectedSoFar
                    + " lignes rejetées, plus que la limite de " + skipLimit + " (nocturne.import.skip-limit) ; le fichier "
                    + "semble illisible et son import est arrêté. Les lignes rejetées déjà enregistrées sont dans import_reject : "
                    + "corrigez au moins ces " + rejectedSoFar + " lignes (et vérifiez le reste du fichier) puis relancez.");
        }
        counts.written = 0;
        counts.duplicates = 0;
        counts.rejected = 0;
        counts.recordLines = 0;
        counts.headerLines = 0;
        counts.blankLines = 0;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
