package ca.ptm.nocturne.operations;

import ca.ptm.nocturne.shared.batch.RunWarnings;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/** The French words an admin reads for a run's state. */
public final class StatusLabels {

    private StatusLabels() {
    }

    public static String of(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED
                && RunWarnings.COMPLETED_WITH_WARNINGS.equals(execution.getExitStatus().getExitCode())) {
            return "terminée avec avertissements";
        }
        return of(execution.getStatus());
    }

    public static String of(BatchStatus status) {
        return switch (status) {
            case COMPLETED -> "terminée";
            case STARTING -> "en démarrage";
            case STARTED -> "en cours";
            case STOPPING -> "en arrêt";
            case STOPPED -> "arrêtée";
            case FAILED -> "échouée";
            case ABANDONED -> "abandonnée";
            case UNKNOWN -> "état inconnu";
        };
    }

    public static ExitCode exitCode(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            return ExitCode.FAILED;
        }
        return RunWarnings.COMPLETED_WITH_WARNINGS.equals(execution.getExitStatus().getExitCode())
                ? ExitCode.COMPLETED_WITH_WARNINGS : ExitCode.COMPLETED;
    }
}
