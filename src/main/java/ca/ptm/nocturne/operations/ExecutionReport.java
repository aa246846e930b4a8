package ca.ptm.nocturne.operations;

import ca.ptm.nocturne.gazelle.steps.CancelVanishedAppointmentsTasklet;
import ca.ptm.nocturne.gazelle.partition.SliceRunnerStamp;
import ca.ptm.nocturne.gazelle.partition.TimelineSlicing;
import ca.ptm.nocturne.gazelle.sync.SyncCounts;
import ca.ptm.nocturne.imports.inbox.ImportManifest;
import ca.ptm.nocturne.imports.inbox.ScanNote;
import ca.ptm.nocturne.imports.ledger.ImportBatch;
import ca.ptm.nocturne.imports.ledger.ImportBatchLedger;
import ca.ptm.nocturne.imports.ledger.ImportReject;
import ca.ptm.nocturne.reports.GenerateReportsTasklet;
import ca.ptm.nocturne.shared.time.BusinessTime;
import ca.ptm.nocturne.validation.CountCheckRepository;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/** Prints runs for people: French, times in Montreal, counts per step and per file, the first rejected rows. */
@Component
public class ExecutionReport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMMM yyyy HH 'h' mm", Locale.CANADA_FRENCH);
    private static final int FIRST_REJECTS = 10;

    private final ImportBatchLedger ledger;
    private final CountCheckRepository countChecks;

    public ExecutionReport(ImportBatchLedger ledger, CountCheckRepository countChecks) {
        this.ledger = ledger;
        this.countChecks = countChecks;
    }

    /** The count checks of an execution, failures and warnings first. */
    public void printCountChecks(long executionId, PrintStream out) {
        List<Map<String, Object>> checks = countChecks.ofExecution(executionId);
        if (checks.isEmpty()) {
            return;
        }
        out.println("  Contrôle des comptes (source / écrits [+ inchangés] / rejetés ou écartés / doublons ou bruit / en base) :");
        for (Map<String, Object> check : checks) {
            Object unchanged = check.get("unchanged_count");
            String written = dash(check.get("written_count"))
                    + (unchanged instanceof Number n && n.longValue() > 0 ? " + " + n + " inchangés" : "");
            out.printf("    %-4s %-8s %-34s %s / %s / %s / %s / %s%s%n", check.get("status"), check.get("stage"), check.get("entity"),
                    dash(check.get("source_count")), written, dash(check.get("rejected_count")),
                    dash(check.get("duplicate_count")), dash(check.get("target_count")),
                    check.get("message") == null ? "" : "  — " + check.get("message"));
        }
    }

    private static String dash(Object value) {
        return value == null ? "—" : value.toString();
    }

    /** What {@code run} prints at the end: the outcome and the summaries of the import and of the sync. */
    public void printRun(JobExecution execution, PrintStream out) {
        out.println();
        out.printf("Exécution %d (%s) : %s, durée %s%n", execution.getId(), execution.getJobInstance().getJobName(),
                StatusLabels.of(execution), duration(execution));
        printStages(execution, out);
        printReports(execution, out);
        printWarningsAndFailures(execution, out);
    }

    private static void printReports(JobExecution execution, PrintStream out) {
        execution.getStepExecutions().stream()
                .filter(s -> s.getExecutionContext().get(GenerateReportsTasklet.FILES_KEY) instanceof List<?>)
                .map(s -> (List<?>) s.getExecutionContext().get(GenerateReportsTasklet.FILES_KEY))
                .forEach(files -> {
                    out.printf("  Rapports (%d fichiers) :%n", files.size());
                    files.forEach(f -> out.printf("    %s%n", f));
                });
        execution.getStepExecutions().stream().filter(s -> s.getExecutionContext().containsKey("mail.status")).forEach(s -> {
            var context = s.getExecutionContext();
            out.printf("  Courriel du matin : %s%n", "SENT".equals(context.getString("mail.status")) ? "envoyé"
                    : "aucun serveur SMTP configuré, message écrit dans " + context.getString("mail.eml", "?"));
        });
    }

    /** What each stage read, wrote and rejected, and the count checks: the body of the summary and of the email. */
    public void printStages(JobExecution execution, PrintStream out) {
        printImports(execution, out);
        printSync(execution, out);
        printCountChecks(execution.getId(), out);
    }

    /** The first rejected rows of the run's imports (duplicates last). */
    public void printFirstRejects(JobExecution execution, PrintStream out) {
        List<ImportReject> rejects = ledger.firstRejects(execution.getJobInstance().getInstanceId(), FIRST_REJECTS);
        if (!rejects.isEmpty()) {
            out.printf("  Premières lignes rejetées (table import_reject) :%n");
            for (ImportReject reject : rejects) {
                out.printf("    %s, ligne %d%s : %s — %s%n", reject.fileName(), reject.lineNumber(),
                        reject.fieldName().isEmpty() ? "" : ", champ " + reject.fieldName(), reject.errorCode(), reject.message());
            }
        }
    }

    private static void printSync(JobExecution execution, PrintStream out) {
        List<StepExecution> steps = execution.getStepExecutions().stream()
                .filter(s -> s.getExecutionContext().containsKey(SyncCounts.WRITTEN) || s.getStepName().matches("gazelle-(users|clients|pianos|appointments|timeline|invoices)"))
                .filter(s -> !TimelineSlicing.isSlice(s.getStepName()))
                .toList();
        if (steps.isEmpty()) {
            return;
        }
        out.println("  Synchronisation Gazelle :");
        out.printf("    %-24s %7s %8s %10s %8s %7s%n", "Étape", "lus", "écrits", "inchangés", "écartés", "bruit");
        for (StepExecution step : steps) {
            var context = step.getExecutionContext();
            out.printf("    %-24s %7d %8d %10d %8d %7d%s%n", step.getStepName(), context.getLong(SyncCounts.SOURCE_READ, step.getReadCount()),
                    context.getLong(SyncCounts.WRITTEN, 0L), context.getLong(SyncCounts.UNCHANGED, 0L),
                    context.getLong(SyncCounts.SKIPPED, 0L),
                    context.getLong(SyncCounts.NOISE, 0L),
                    context.getLong(SyncCounts.PARENTS_FETCHED, 0L) > 0
                            ? "  (+" + context.getLong(SyncCounts.PARENTS_FETCHED, 0L) + " client(s) parent(s) rapatrié(s))" : "");
        }
        execution.getStepExecutions().stream().filter(s -> s.getStepName().equals("gazelle-cancel-vanished"))
                .map(s -> s.getExecutionContext().getInt(CancelVanishedAppointmentsTasklet.VANISHED, 0)).filter(n -> n > 0)
                .forEach(n -> out.printf("    Rendez-vous disparus de Gazelle : %d%n", n));
    }

    /** What {@code jobs show} prints: everything about one execution. */
    public void printDetails(JobExecution execution, PrintStream out) {
        out.printf("Exécution %d — job « %s », instance %d%n", execution.getId(), execution.getJobInstance().getJobName(),
                execution.getJobInstance().getInstanceId());
        out.printf("  Statut      : %s (code de sortie %s)%n", StatusLabels.of(execution), execution.getExitStatus().getExitCode());
        out.printf("  Début       : %s%n", time(execution.getStartTime()));
        out.printf("  Fin         : %s%n", time(execution.getEndTime()));
        out.printf("  Durée       : %s%n", duration(execution));
        out.println("  Paramètres  :");
        for (JobParameter<?> parameter : execution.getJobParameters().parameters()) {
            out.printf("    %s = %s%s%n", parameter.name(), parameter.value(), parameter.identifying() ? " (identifiant)" : "");
        }
        out.println("  Étapes (lus / écrits / filtrés / ignorés / validations / annulations) :");
        for (StepExecution step : execution.getStepExecutions()) {
            out.printf("    %-34s %-30s %5d / %5d / %5d / %5d / %4d / %4d%n", step.getStepName(), StatusLabels.of(step.getStatus()),
                    step.getReadCount(), step.getWriteCount(), step.getFilterCount(), step.getSkipCount(),
                    step.getCommitCount(), step.getRollbackCount());
            if (step.getExecutionContext().containsKey(SliceRunnerStamp.RUNNER)) {
                out.printf("      ↳ lue par %s%n", step.getExecutionContext().getString(SliceRunnerStamp.RUNNER));
            }
            String description = step.getExitStatus().getExitDescription();
            if (description != null && !description.isBlank()) {
                out.printf("      ↳ %s%n", FailureText.summarize(description));
            }
        }
        printImports(execution, out);
        printCountChecks(execution.getId(), out);
        printFirstRejects(execution, out);
        printWarningsAndFailures(execution, out);
    }

    public void printListLine(JobExecution execution, PrintStream out) {
        out.printf("%6d  %-8s  %-30s  %-20s  %-9s  %s%n", execution.getId(), execution.getJobInstance().getJobName(),
                StatusLabels.of(execution), time(execution.getStartTime()), duration(execution),
                execution.getJobParameters().parameters().stream().filter(JobParameter::identifying)
                        .map(p -> p.name() + "=" + p.value()).reduce((a, b) -> a + " " + b).orElse(""));
    }

    private void printImports(JobExecution execution, PrintStream out) {
        List<ImportBatch> batches = ledger.ofJobInstance(execution.getJobInstance().getInstanceId());
        Object manifest = execution.getExecutionContext().get(ImportManifest.CONTEXT_KEY);
        List<ScanNote> notes = manifest instanceof ImportManifest m ? m.notes() : List.of();
        if (batches.isEmpty() && notes.isEmpty()) {
            if (manifest instanceof ImportManifest m) {
                out.printf("  Import : aucun fichier dans %s%n", m.inbox());
            }
            return;
        }
        out.println("  Import des fichiers historiques :");
        out.printf("    %-44s %-22s %6s %9s %8s %8s%n", "Fichier", "Type", "lus", "importés", "rejetés", "doublons");
        for (ImportBatch batch : batches) {
            if (batch.status().equals("REFUSED")) {
                out.printf("    %-44s REFUSÉ : %s%n", batch.fileName(), batch.message());
                continue;
            }
            out.printf("    %-44s %-22s %6d %9d %8d %8d%s%n", batch.fileName(), batch.fileKind(), batch.rowsRead(),
                    batch.rowsWritten(), batch.rowsRejected(), batch.rowsDuplicate(),
                    batch.status().equals("COMPLETED") ? "" : "  (" + batch.status() + (batch.message() == null ? "" : " : " + batch.message()) + ")");
            out.printf("      %s, séparateur %s%s%n", batch.encoding(), delimiterName(batch.delimiter()), lines(batch));
        }
        notes.stream().filter(n -> n.outcome() != ScanNote.Outcome.REFUSED)
                .forEach(n -> out.printf("    %-44s %s%n", n.fileName(), n.message()));
    }

    /** The line accounting of a file: physical lines = header + records' lines + blank lines. */
    private static String lines(ImportBatch batch) {
        if (batch.physicalLines() == null) {
            return "";
        }
        return ", " + batch.physicalLines() + " lignes physiques (" + batch.headerLines() + " d'en-tête + " + batch.recordLines()
                + " d'enregistrements + " + batch.blankLines() + " vides)";
    }

    private static void printWarningsAndFailures(JobExecution execution, PrintStream out) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            String warnings = execution.getExitStatus().getExitDescription();
            if (warnings != null && !warnings.isBlank()) {
                out.println("  Avertissements :");
                warnings.lines().forEach(line -> out.printf("    - %s%n", line));
            }
            return;
        }
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus() == BatchStatus.FAILED) {
                out.printf("  Échec à l'étape « %s » : %s%n", step.getStepName(),
                        FailureText.summarize(step.getExitStatus().getExitDescription()));
            }
        }
        if (execution.getStatus() == BatchStatus.FAILED) {
            out.printf("  Pour reprendre là où elle s'est arrêtée : jobs restart %d%n", execution.getId());
        }
    }

    private static String delimiterName(String delimiter) {
        if (delimiter == null) {
            return "?";
        }
        return switch (delimiter) {
            case "\t" -> "TAB";
            case ";" -> "point-virgule";
            default -> "virgule";
        };
    }

    private static String time(LocalDateTime utc) {
        return utc == null ? "—" : TIME.format(utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(BusinessTime.ZONE));
    }

    public static String duration(JobExecution execution) {
        if (execution.getStartTime() == null) {
            return "—";
        }
        LocalDateTime end = execution.getEndTime() != null ? execution.getEndTime() : LocalDateTime.now(ZoneOffset.UTC);
        Duration duration = Duration.between(execution.getStartTime(), end);
        return duration.toMinutes() > 0 ? duration.toMinutes() + " min " + duration.toSecondsPart() + " s"
                : String.format(Locale.CANADA_FRENCH, "%.1f s", duration.toMillis() / 1000.0);
    }
}
