package ca.ptm.nocturne.imports.writing;

import ca.ptm.nocturne.imports.inbox.InboxFile;
import ca.ptm.nocturne.imports.ledger.ImportBatchLedger;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/** When an import step fails, the file it was reading is marked FAILED in import_batch with the reason. */
public class ImportStepListener implements StepExecutionListener {

    private final List<InboxFile> files;
    private final ImportBatchLedger ledger;

    public ImportStepListener(List<InboxFile> files, ImportBatchLedger ledger) {
        this.files = files;
        this.ledger = ledger;
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (stepExecution.getStatus() != BatchStatus.FAILED) {
            return stepExecution.getExitStatus();
        }
        String reason = stepExecution.getFailureExceptions().stream().findFirst()
                .map(ImportStepListener::reasonOf)
                .orElse("Échec de l'étape " + stepExecution.getStepName());
        files.forEach(file -> ledger.fail(file.batchId(), reason));
        return stepExecution.getExitStatus();
    }

    /**
     * The exception that says why: Spring Batch wraps the writer's own (the skip limit's "Trop de lignes rejetées
     * dans …") in "Unable to process chunk", which would tell the admin nothing.
     */
    private static String reasonOf(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof TooManyRejectsException) {
                return e.getMessage();
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : failure.getMessage();
        return message == null ? failure.getClass().getSimpleName() : message;
    }
}
