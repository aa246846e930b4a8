package ca.ptm.nocturne.imports;

import ca.ptm.nocturne.imports.inbox.ImportManifest;
import ca.ptm.nocturne.imports.ledger.ImportBatch;
import ca.ptm.nocturne.imports.ledger.ImportBatchLedger;
import ca.ptm.nocturne.shared.batch.RunWarnings;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/** A refused file or a rejected row is never silent: each makes the run "completed with warnings". */
@Component
public class ImportRunWarnings implements RunWarnings {

    private final ImportBatchLedger ledger;

    public ImportRunWarnings(ImportBatchLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public List<String> warnings(JobExecution execution) {
        List<String> warnings = new ArrayList<>();
        for (ImportBatch batch : ledger.ofJobInstance(execution.getJobInstance().getInstanceId())) {
            if (batch.status().equals("REFUSED")) {
                warnings.add("Fichier refusé : " + batch.fileName() + " — " + batch.message());
                continue;
            }
            if (batch.status().equals("CHANGED")) {
                warnings.add(batch.fileName() + " : " + batch.message());
            }
            if (batch.rowsRejected() > 0) {
                warnings.add(batch.fileName() + " : " + batch.rowsRejected() + " ligne(s) rejetée(s), voir import_reject (lot "
                        + batch.id() + ")");
            }
            batch.warnings().stream().filter(w -> w.startsWith(ImportBatchLedger.LONG_RECORD))
                    .forEach(w -> warnings.add(batch.fileName() + " : " + w));
        }
        if (execution.getExecutionContext().get(ImportManifest.CONTEXT_KEY) instanceof ImportManifest manifest) {
            manifest.notes().stream().filter(n -> n.outcome().warns())
                    .forEach(n -> warnings.add("Fichier non importé : " + n.fileName() + " — " + n.message()));
        }
        return warnings;
    }
}
