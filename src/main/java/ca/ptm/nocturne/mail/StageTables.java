package ca.ptm.nocturne.mail;

import ca.ptm.nocturne.gazelle.partition.TimelineSlicing;
import ca.ptm.nocturne.gazelle.sync.SyncCounts;
import ca.ptm.nocturne.imports.ledger.ImportBatch;
import ca.ptm.nocturne.imports.ledger.ImportBatchLedger;
import ca.ptm.nocturne.validation.CountCheckRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * The stages of a night as tables for the HTML email: the same figures the text body prints (ExecutionReport), one
 * table per stage: the files imported, the Gazelle entities synced, the count checks.
 */
@Component
class StageTables {

    private final ImportBatchLedger ledger;
    private final CountCheckRepository countChecks;

    StageTables(ImportBatchLedger ledger, CountCheckRepository countChecks) {
        this.ledger = ledger;
        this.countChecks = countChecks;
    }

    List<HtmlMail.Table> of(JobExecution execution) {
        List<HtmlMail.Table> tables = new ArrayList<>();
        List<List<String>> files = new ArrayList<>();
        for (ImportBatch batch : ledger.ofJobInstance(execution.getJobInstance().getInstanceId())) {
            files.add("REFUSED".equals(batch.status())
                    ? List.of(batch.fileName(), "refusé", "", "", "", "")
                    : List.of(batch.fileName(), batch.fileKind(), n(batch.rowsRead()), n(batch.rowsWritten()),
                            n(batch.rowsRejected()), n(batch.rowsDuplicate())));
        }
        if (!files.isEmpty()) {
            tables.add(new HtmlMail.Table("Import des fichiers historiques",
                    List.of("Fichier", "Type", "lus", "importés", "rejetés", "doublons"), files,
                    new boolean[] {false, false, true, true, true, true}));
        }
        List<List<String>> sync = new ArrayList<>();
        for (StepExecution step : execution.getStepExecutions()) {
            var context = step.getExecutionContext();
            if (!context.containsKey(SyncCounts.WRITTEN) || TimelineSlicing.isSlice(step.getStepName())) {
                continue;
            }
            sync.add(List.of(step.getStepName(), n(context.getLong(SyncCounts.SOURCE_READ, step.getReadCount())),
                    n(context.getLong(SyncCounts.WRITTEN, 0L)), n(context.getLong(SyncCounts.UNCHANGED, 0L)),
                    n(context.getLong(SyncCounts.SKIPPED, 0L)), n(context.getLong(SyncCounts.NOISE, 0L))));
        }
        if (!sync.isEmpty()) {
            tables.add(new HtmlMail.Table("Synchronisation Gazelle", List.of("Étape", "lus", "écrits", "inchangés", "écartés", "bruit"),
                    sync, new boolean[] {false, true, true, true, true, true}));
        }
        List<List<String>> checks = new ArrayList<>();
        for (Map<String, Object> check : countChecks.ofExecution(execution.getId())) {
            checks.add(List.of(statusWord(check.get("status")), String.valueOf(check.get("entity")), dash(check.get("source_count")),
                    dash(check.get("written_count")), dash(check.get("target_count"))));
        }
        if (!checks.isEmpty()) {
            tables.add(new HtmlMail.Table("Contrôle des comptes", List.of("Verdict", "Entité", "source", "écrits", "en base"),
                    checks, new boolean[] {false, false, true, true, true}));
        }
        return tables;
    }

    private static String statusWord(Object status) {
        return switch (String.valueOf(status)) {
            case "OK" -> "✔ OK";
            case "WARN" -> "⚠ à vérifier";
            case "FAIL" -> "✖ échec";
            default -> String.valueOf(status);
        };
    }

    private static String n(long value) {
        return String.format(java.util.Locale.CANADA_FRENCH, "%,d", value);
    }

    private static String dash(Object value) {
        return value == null ? "—" : value instanceof Number number ? n(number.longValue()) : value.toString();
    }
}
