package ca.ptm.nocturne.imports.writing;

import ca.ptm.nocturne.imports.conversion.FieldProblem;
import ca.ptm.nocturne.imports.conversion.RowOutcome;
import ca.ptm.nocturne.imports.conversion.RowPosition;
import ca.ptm.nocturne.imports.inbox.InboxFile;
import ca.ptm.nocturne.imports.ledger.ImportBatchLedger;
import ca.ptm.nocturne.imports.parsing.RejectCode;
import java.util.LinkedHashMap;
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
    }

    private final ImportTarget<T> target;
    private final ImportBatchLedger ledger;
    private final TransactionTemplate savepoint;
    private final int skipLimit;
    private final long jobExecutionId;

    public ImportRowWriter(ImportTarget<T> target, ImportBatchLedger ledger, PlatformTransactionManager transactionManager,
                           int skipLimit, long jobExecutionId) {
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
                ledger.complete(at.file().batchId(), at.rowsRead());
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
        ledger.count(file.batchId(), counts.written, counts.duplicates, counts.rejected);
        if (counts.rejected > 0 && ledger.rejectedRows(file.batchId()) > skipLimit) {
            throw new TooManyRejectsException("Trop de lignes rejetées dans " + file.fileName() + " (plus de " + skipLimit
                    + ") : le fichier semble illisible, son import est arrêté. Corrigez-le puis relancez.");
        }
        counts.written = 0;
        counts.duplicates = 0;
        counts.rejected = 0;
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
