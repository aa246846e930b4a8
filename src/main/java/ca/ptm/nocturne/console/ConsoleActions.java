package ca.ptm.nocturne.console;

import ca.ptm.nocturne.imports.ImportProperties;
import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.operations.OperationRefusedException;
import ca.ptm.nocturne.operations.StatusLabels;
import ca.ptm.nocturne.operations.SyncOptions;
import ca.ptm.nocturne.shared.time.BusinessTime;
import ca.ptm.nocturne.validation.CheckStatus;
import ca.ptm.nocturne.validation.CountCheck;
import ca.ptm.nocturne.validation.Revalidation;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Service;

/**
 * Carries out what an admin confirmed, through {@link JobLaunches} (the same JobOperator calls as the command line),
 * and writes each request to console_audit. Stop, abandon and recover are quick and done in the request; restart and
 * the stage runs go to the {@link ConsoleRunner}'s single background thread, their audit row completed when they end.
 * Returns the audit row's id, which the result page shows.
 */
@Service
@ConditionalOnWebApplication
public class ConsoleActions {

    private static final Logger log = LoggerFactory.getLogger(ConsoleActions.class);

    private final JobLaunches launches;
    private final ActionAvailability availability;
    private final ConsoleRunner runner;
    private final ConsoleAudit audit;
    private final RunQueries runs;
    private final ImportProperties importProperties;
    private final Revalidation revalidation;

    public ConsoleActions(JobLaunches launches, ActionAvailability availability, ConsoleRunner runner, ConsoleAudit audit,
                          RunQueries runs, ImportProperties importProperties, Revalidation revalidation) {
        this.launches = launches;
        this.availability = availability;
        this.runner = runner;
        this.audit = audit;
        this.runs = runs;
        this.importProperties = importProperties;
        this.revalidation = revalidation;
    }

    /** Restart, stop, abandon or recover one execution. */
    public long onExecution(ConsoleAction action, long executionId, String who) {
        JobExecution execution;
        try {
            execution = launches.existing(executionId);
        } catch (OperationRefusedException unknown) {
            return audit.record(who, action.name(), executionId, ConsoleAudit.REFUSED, unknown.getMessage());
        }
        Availability allowed = availability.of(action, execution);
        if (!allowed.allowed()) {
            return audit.record(who, action.name(), executionId, ConsoleAudit.REFUSED, allowed.reason());
        }
        if (action == ConsoleAction.RESTART) {
            return inBackground(who, action, executionId, "Reprise de l'exécution " + executionId,
                    () -> launches.restart(executionId));
        }
        try {
            JobExecution after = switch (action) {
                case STOP -> launches.stop(executionId);
                case ABANDON -> launches.abandon(executionId);
                case RECOVER -> launches.recover(executionId);
                default -> throw new IllegalArgumentException(action.name());
            };
            String message = switch (action) {
                case STOP -> "Arrêt demandé pour l'exécution " + executionId + " : elle s'arrêtera à la fin du bloc en cours.";
                case ABANDON -> "Exécution " + executionId + " abandonnée : elle ne sera plus reprise.";
                default -> "Exécution " + executionId + " marquée en échec (" + StatusLabels.of(after) + ") : elle peut maintenant être reprise.";
            };
            return audit.record(who, action.name(), executionId, ConsoleAudit.DONE, message);
        } catch (OperationRefusedException refused) {
            return audit.record(who, action.name(), executionId, ConsoleAudit.REFUSED, refused.getMessage());
        } catch (Exception e) {
            log.error("Console action {} on execution {} failed", action, executionId, e);
            return audit.record(who, action.name(), executionId, ConsoleAudit.FAILED, "Échec : " + e.getMessage());
        }
    }

    /** Run import, gazelle-sync or validate now, in the background. */
    public long runStage(ConsoleAction action, String who) {
        Availability allowed = availability.of(action, null);
        if (!allowed.allowed()) {
            return audit.record(who, action.name(), null, ConsoleAudit.REFUSED, allowed.reason());
        }
        return switch (action) {
            case RUN_IMPORT -> inBackground(who, action, null, "Import demandé depuis la console",
                    () -> launches.runImport(importProperties.inbox().toString(), null));
            case RUN_GAZELLE_SYNC -> inBackground(who, action, null, "Synchronisation Gazelle demandée depuis la console",
                    () -> launches.runGazelleSync(BusinessTime.system().today(), SyncOptions.DEFAULT));
            case RUN_VALIDATE -> validate(who);
            default -> throw new IllegalArgumentException(action.name());
        };
    }

    private long validate(String who) {
        JobExecution latest = launches.latestRun().orElse(null);
        if (latest == null) {
            return audit.record(who, ConsoleAction.RUN_VALIDATE.name(), null, ConsoleAudit.REFUSED, "Aucune exécution à contrôler.");
        }
        long id = latest.getId();
        long auditId = audit.record(who, ConsoleAction.RUN_VALIDATE.name(), id, ConsoleAudit.LAUNCHED,
                "Contrôle des comptes de l'exécution " + id + " lancé.");
        boolean started = runner.submit("Contrôle des comptes de l'exécution " + id, () -> {
            try {
                List<CountCheck> checks = revalidation.recheck(launches.existing(id));
                CheckStatus worst = checks.stream().map(CountCheck::status).reduce(CheckStatus.OK, CheckStatus::worst);
                audit.finish(auditId, worst == CheckStatus.FAIL ? ConsoleAudit.FAILED : ConsoleAudit.DONE, id,
                        "Contrôle des comptes de l'exécution " + id + " : " + checks.size() + " contrôle(s), verdict " + worst + ".");
            } catch (RuntimeException e) {
                log.error("Console validate of execution {} failed", id, e);
                audit.finish(auditId, ConsoleAudit.FAILED, id, "Échec : " + e.getMessage());
            }
        });
        if (!started) {
            audit.finish(auditId, ConsoleAudit.REFUSED, id, "Une autre action de la console est en cours.");
        }
        return auditId;
    }

    /** Writes LAUNCHED, runs the job on the background thread, then writes its outcome. */
    private long inBackground(String who, ConsoleAction action, Long executionId, String description, Callable<JobExecution> job) {
        long auditId = audit.record(who, action.name(), executionId, ConsoleAudit.LAUNCHED, description + " : lancé en arrière-plan.");
        boolean started = runner.submit(description, () -> {
            try {
                JobExecution result = job.call();
                String outcome = result.getStatus() == BatchStatus.COMPLETED ? ConsoleAudit.DONE : ConsoleAudit.FAILED;
                String message = description + " : exécution " + result.getId() + " " + StatusLabels.of(result) + ".";
                RunSummary summary = runs.summarize(result);
                if (summary.failure() != null) {
                    message += " " + (summary.failedStep() == null ? "" : "Étape « " + summary.failedStep() + " » : ") + summary.failure();
                }
                audit.finish(auditId, outcome, action == ConsoleAction.RESTART ? null : result.getId(), message);
            } catch (OperationRefusedException refused) {
                audit.finish(auditId, ConsoleAudit.REFUSED, null, refused.getMessage());
            } catch (Exception e) {
                log.error("Console action {} failed", description, e);
                audit.finish(auditId, ConsoleAudit.FAILED, null, "Échec : " + e.getMessage());
            }
        });
        if (!started) {
            audit.finish(auditId, ConsoleAudit.REFUSED, null, "Une autre action de la console est en cours : " + runner.current().orElse("?") + ".");
        }
        return auditId;
    }

    /** Marks a rejected row resolved: by whom, now. False when already resolved or unknown. */
    public boolean resolveReject(long rejectId, String who, RejectQueries rejects) {
        boolean done = rejects.resolve(rejectId, who);
        audit.record(who, "RESOLVE_REJECT", null, done ? ConsoleAudit.DONE : ConsoleAudit.REFUSED,
                done ? "Rejet " + rejectId + " marqué résolu." : "Rejet " + rejectId + " introuvable ou déjà résolu.");
        return done;
    }
}
