package ca.ptm.nocturne.console;

import ca.ptm.nocturne.gazelle.GazelleSyncJobConfiguration;
import ca.ptm.nocturne.imports.ImportJobConfiguration;
import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.operations.NightlyJobConfiguration;
import ca.ptm.nocturne.operations.NightlyLock;
import ca.ptm.nocturne.operations.StatusLabels;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Service;

/**
 * Which buttons are enabled: the same rules Spring Batch and {@link JobLaunches} apply (no restart of a completed or
 * abandoned run, one run at a time), checked before the request so the page can say why a button is disabled.
 * JobLaunches checks again when the action runs: the page may be stale.
 */
@Service
@ConditionalOnWebApplication
public class ActionAvailability {

    private final RunQueries runs;
    private final ConsoleRunner runner;
    private final NightlyLock nightlyLock;
    private final JobRepository jobRepository;
    private final JobLaunches launches;

    public ActionAvailability(RunQueries runs, ConsoleRunner runner, NightlyLock nightlyLock, JobRepository jobRepository,
                              JobLaunches launches) {
        this.runs = runs;
        this.runner = runner;
        this.nightlyLock = nightlyLock;
        this.jobRepository = jobRepository;
        this.launches = launches;
    }

    public List<Availability> forExecution(JobExecution execution) {
        return List.of(of(ConsoleAction.RESTART, execution), of(ConsoleAction.STOP, execution),
                of(ConsoleAction.ABANDON, execution), of(ConsoleAction.RECOVER, execution));
    }

    public List<Availability> forStages() {
        return List.of(of(ConsoleAction.RUN_IMPORT, null), of(ConsoleAction.RUN_GAZELLE_SYNC, null), of(ConsoleAction.RUN_VALIDATE, null));
    }

    public Availability of(ConsoleAction action, JobExecution execution) {
        String reason = action.onExecution() ? executionRefusal(action, execution) : stageRefusal(action);
        return reason == null ? Availability.yes(action) : Availability.no(action, reason);
    }

    private String executionRefusal(ConsoleAction action, JobExecution execution) {
        long id = execution.getId();
        BatchStatus status = execution.getStatus();
        String label = StatusLabels.of(execution);
        return switch (action) {
            case RESTART -> {
                if (status == BatchStatus.COMPLETED) {
                    yield "Exécution " + label + " : Spring Batch ne reprend pas une exécution terminée.";
                }
                if (status == BatchStatus.ABANDONED) {
                    yield "Exécution abandonnée : elle ne peut plus être reprise.";
                }
                if (status.isRunning()) {
                    yield "Exécution " + label + " : arrêtez-la, ou récupérez-la si son processus est mort, avant de la reprendre.";
                }
                JobExecution last = jobRepository.getLastJobExecution(execution.getJobInstance());
                if (last != null && last.getId() != id) {
                    yield "Déjà reprise par l'exécution " + last.getId() + " (" + StatusLabels.of(last) + ") : c'est celle-là qu'il faut reprendre.";
                }
                yield busyOrRunning();
            }
            case STOP -> {
                if (status == BatchStatus.STOPPING) {
                    yield "Arrêt déjà demandé : l'exécution s'arrêtera à la fin du bloc en cours.";
                }
                yield status.isRunning() ? null : "L'exécution n'est pas en cours (" + label + ").";
            }
            case ABANDON -> {
                if (status == BatchStatus.COMPLETED || status == BatchStatus.ABANDONED) {
                    yield "Exécution " + label + " : il n'y a rien à abandonner.";
                }
                yield status.isRunning() ? "Exécution en cours : arrêtez-la d'abord, ou récupérez-la si son processus est mort." : null;
            }
            case RECOVER -> {
                if (!status.isRunning()) {
                    yield "L'exécution n'est pas bloquée (" + label + ") : rien à récupérer.";
                }
                yield aliveRefusal(execution);
            }
            default -> throw new IllegalArgumentException(action.name());
        };
    }

    /** A "running" execution that still runs somewhere must be stopped, not recovered. */
    private String aliveRefusal(JobExecution execution) {
        if (runner.current().isPresent()) {
            return "Une action de la console tourne dans ce processus (" + runner.current().get() + ") : utilisez « Arrêter ».";
        }
        if (execution.getJobInstance().getJobName().equals(NightlyJobConfiguration.JOB_NAME)) {
            try (NightlyLock.Held lock = nightlyLock.tryAcquire()) {
                if (lock == null) {
                    return "Un processus Nocturne fait tourner la nuit en ce moment (verrou tenu) : utilisez « Arrêter ».";
                }
            } catch (java.sql.SQLException e) {
                return "Impossible de vérifier le verrou de la nuit : " + e.getMessage();
            }
        }
        return null;
    }

    private String stageRefusal(ConsoleAction action) {
        String busy = busyOrRunning();
        if (busy != null) {
            return busy;
        }
        return switch (action) {
            case RUN_IMPORT -> unfinished(ImportJobConfiguration.JOB_NAME, "L'import précédent");
            case RUN_GAZELLE_SYNC -> unfinished(GazelleSyncJobConfiguration.JOB_NAME, "La synchronisation Gazelle précédente");
            case RUN_VALIDATE -> launches.latestRun().isPresent() ? null : "Aucune exécution à contrôler.";
            default -> throw new IllegalArgumentException(action.name());
        };
    }

    /** One thing at a time: no second action while the console runs one or while any execution is running. */
    private String busyOrRunning() {
        Optional<String> busy = runner.current();
        if (busy.isPresent()) {
            return "Une action de la console est déjà en cours : " + busy.get() + ".";
        }
        List<JobExecution> running = runs.running();
        if (!running.isEmpty()) {
            JobExecution first = running.get(0);
            return "L'exécution " + first.getId() + " (" + first.getJobInstance().getJobName() + ") est " + StatusLabels.of(first)
                    + " : une seule exécution à la fois.";
        }
        return null;
    }

    private String unfinished(String jobName, String what) {
        JobInstance instance = jobRepository.getLastJobInstance(jobName);
        if (instance == null) {
            return null;
        }
        return jobRepository.getJobExecutions(instance).stream().max(Comparator.comparing(JobExecution::getId))
                .filter(e -> e.getStatus() != BatchStatus.COMPLETED && e.getStatus() != BatchStatus.ABANDONED)
                .map(e -> what + " (exécution " + e.getId() + ") est " + StatusLabels.of(e)
                        + " : reprenez-la ou abandonnez-la d'abord.")
                .orElse(null);
    }
}
