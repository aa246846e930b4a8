package ca.ptm.nocturne.operations;

import ca.ptm.nocturne.gazelle.GazelleSyncJobConfiguration;
import ca.ptm.nocturne.imports.ImportJobConfiguration;
import ca.ptm.nocturne.imports.ImportProperties;
import ca.ptm.nocturne.imports.inbox.InboxFolder;
import java.nio.file.Path;
import ca.ptm.nocturne.reconciliation.PdaReconcileJobConfiguration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import java.time.LocalDateTime;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Service;

/**
 * Every start, restart, stop, abandon and recover goes through here and through Spring Batch's JobOperator, so the
 * command line and (later) the console behave the same. A refusal is an {@link OperationRefusedException} whose
 * message tells the admin, in French, what to do instead.
 */
@Service
public class JobLaunches {

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job nightlyJob;
    private final Job importJob;
    private final Job gazelleSyncJob;
    private final NightlyLock nightlyLock;
    private final Job reportsJob;
    private final Job pdaReconcileJob;
    private final ImportProperties importProperties;

    public JobLaunches(JobOperator jobOperator, JobRepository jobRepository, @Qualifier("nightlyJob") Job nightlyJob,
                       @Qualifier("importJob") Job importJob, @Qualifier("gazelleSyncJob") Job gazelleSyncJob,
                       @Qualifier("reportsJob") Job reportsJob, @Qualifier("pdaReconcileJob") Job pdaReconcileJob,
                       NightlyLock nightlyLock, ImportProperties importProperties) {
        this.importProperties = importProperties;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.nightlyJob = nightlyJob;
        this.importJob = importJob;
        this.gazelleSyncJob = gazelleSyncJob;
        this.nightlyLock = nightlyLock;
        this.reportsJob = reportsJob;
        this.pdaReconcileJob = pdaReconcileJob;
    }

    /** The night of this date, if it was ever launched. */
    public Optional<JobExecution> night(LocalDate date) {
        JobInstance instance = jobRepository.getJobInstance(NightlyJobConfiguration.JOB_NAME,
                new JobParametersBuilder().addLocalDate("date", date, true).toJobParameters());
        return Optional.ofNullable(instance).map(jobRepository::getLastJobExecution);
    }

    /**
     * Runs the night of {@code date}. A night that failed is restarted (same instance, resumes after its last
     * committed chunk); a night already completed is not run twice.
     */
    public JobExecution runNightly(LocalDate date, String dir, Integer year, SyncOptions sync) throws Exception {
        refuseUnreadableInbox(dir);
        JobParametersBuilder parameters = new JobParametersBuilder().addLocalDate("date", date, true);
        if (dir != null) {
            parameters.addString("dir", dir, false);
        }
        if (year != null) {
            parameters.addLong("year", year.longValue(), false);
        }
        sync.addTo(parameters);
        try (NightlyLock.Held lock = nightLock()) {
            JobInstance instance = jobRepository.getJobInstance(NightlyJobConfiguration.JOB_NAME, parameters.toJobParameters());
            if (instance != null) {
                JobExecution last = jobRepository.getLastJobExecution(instance);
                refuseIfRunningOrDone(last, "La nuit du " + date);
                return jobOperator.restart(last);
            }
            return jobOperator.start(nightlyJob, parameters.toJobParameters());
        }
    }

    /** The nightly lock; refused, with the running execution named, when another process is running a night. */
    private NightlyLock.Held nightLock() throws java.sql.SQLException {
        NightlyLock.Held lock = nightlyLock.tryAcquire();
        if (lock == null) {
            String running = jobRepository.findRunningJobExecutions(NightlyJobConfiguration.JOB_NAME).stream()
                    .map(e -> " (exécution " + e.getId() + ")").findFirst().orElse("");
            throw new OperationRefusedException("Une nuit est déjà en cours dans un autre processus" + running
                    + " : une seule nuit à la fois.");
        }
        return lock;
    }

    /** Runs the import alone, as a new instance; refused while an earlier import is unfinished. */
    public JobExecution runImport(String dir, Integer year) throws Exception {
        refuseUnreadableInbox(dir);
        refuseIfUnfinished(ImportJobConfiguration.JOB_NAME, "L'import précédent");
        JobParametersBuilder parameters = new JobParametersBuilder().addString("requested.at", Instant.now().toString(), true);
        if (dir != null) {
            parameters.addString("dir", dir, false);
        }
        if (year != null) {
            parameters.addLong("year", year.longValue(), false);
        }
        return jobOperator.start(importJob, parameters.toJobParameters());
    }

    /**
     * A folder that is missing, not a folder, unreadable or outside the allowed roots is refused here, before any job
     * instance exists: nothing is left behind to restart or abandon.
     */
    private void refuseUnreadableInbox(String dir) {
        Path folder = dir == null ? importProperties.inbox() : Path.of(dir);
        InboxFolder.problem(folder, importProperties).ifPresent(problem -> {
            throw new OperationRefusedException(problem);
        });
    }

    /** Runs the Gazelle sync alone, as a new instance; refused while an earlier sync is unfinished. */
    public JobExecution runGazelleSync(LocalDate runDate, SyncOptions sync) throws Exception {
        refuseIfUnfinished(GazelleSyncJobConfiguration.JOB_NAME, "La synchronisation Gazelle précédente");
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addString("requested.at", Instant.now().toString(), true)
                .addLocalDate("date", runDate, false);
        sync.addTo(parameters);
        return jobOperator.start(gazelleSyncJob, parameters.toJobParameters());
    }

    /** The Place des Arts reconciliation alone, for a run date; {@code lookbackDays} overrides the completion look-back. */
    public JobExecution runPdaReconcile(LocalDate runDate, Integer lookbackDays) throws Exception {
        refuseIfUnfinished(PdaReconcileJobConfiguration.JOB_NAME, "La réconciliation précédente");
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addString("requested.at", Instant.now().toString(), true)
                .addLocalDate("date", runDate, false);
        if (lookbackDays != null) {
            parameters.addLong("lookback-days", lookbackDays.longValue(), false);
        }
        return jobOperator.start(pdaReconcileJob, parameters.toJobParameters());
    }

    /** Writes the reports of a run date again from the data in the database; {@code only} is a comma list or null. */
    public JobExecution runReports(LocalDate runDate, String only) throws Exception {
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addString("requested.at", Instant.now().toString(), true)
                .addLocalDate("date", runDate, false);
        if (only != null) {
            parameters.addString("reports", only, false);
        }
        return jobOperator.start(reportsJob, parameters.toJobParameters());
    }

    public JobExecution restart(long executionId) throws Exception {
        JobExecution execution = existing(executionId);
        JobExecution last = jobRepository.getLastJobExecution(execution.getJobInstance());
        if (last != null && last.getId() != execution.getId()) {
            throw new OperationRefusedException("L'exécution " + executionId + " a déjà été reprise par l'exécution "
                    + last.getId() + " (" + StatusLabels.of(last) + ") : c'est celle-là qu'il faut reprendre.");
        }
        refuseIfRunningOrDone(execution, "L'exécution " + executionId);
        if (hasUnknownSteps(execution)) {
            // A failure whose last status update was lost with the database: the step's committed chunks are whole.
            execution = markUnknownFailed(execution);
        }
        if (!execution.getJobInstance().getJobName().equals(NightlyJobConfiguration.JOB_NAME)) {
            return jobOperator.restart(execution);
        }
        try (NightlyLock.Held lock = nightLock()) {
            return jobOperator.restart(execution);
        }
    }

    public JobExecution stop(long executionId) throws Exception {
        JobExecution execution = existing(executionId);
        try {
            jobOperator.stop(execution);
        } catch (JobExecutionNotRunningException e) {
            throw new OperationRefusedException("L'exécution " + executionId + " n'est pas en cours (" + StatusLabels.of(execution) + ").");
        }
        return jobRepository.getJobExecution(executionId);
    }

    public JobExecution abandon(long executionId) throws Exception {
        JobExecution execution = existing(executionId);
        if (execution.getStatus() == BatchStatus.COMPLETED || execution.getStatus() == BatchStatus.ABANDONED) {
            throw new OperationRefusedException("L'exécution " + executionId + " est " + StatusLabels.of(execution)
                    + " : il n'y a rien à abandonner.");
        }
        if (execution.getStatus().isRunning()) {
            throw new OperationRefusedException("L'exécution " + executionId + " est en cours : arrêtez-la d'abord avec « jobs stop "
                    + executionId + " », ou si son processus est mort, « jobs recover " + executionId + " ».");
        }
        return jobOperator.abandon(execution);
    }

    /**
     * Marks FAILED an execution left STARTED by a process that died (kill -9, power cut), or UNKNOWN because the
     * database went away before Spring Batch could record how it ended, so it can be restarted.
     */
    public JobExecution recover(long executionId) {
        JobExecution execution = existing(executionId);
        if (!execution.getStatus().isRunning() && execution.getStatus() != BatchStatus.UNKNOWN && !hasUnknownSteps(execution)) {
            throw new OperationRefusedException("L'exécution " + executionId + " n'est pas bloquée (" + StatusLabels.of(execution)
                    + ") : rien à récupérer.");
        }
        if (execution.getStatus() == BatchStatus.UNKNOWN || !execution.getStatus().isRunning()) {
            return markUnknownFailed(execution);
        }
        return jobOperator.recover(execution);
    }

    private static boolean hasUnknownSteps(JobExecution execution) {
        return execution.getStepExecutions().stream().anyMatch(s -> s.getStatus() == BatchStatus.UNKNOWN);
    }

    /**
     * Spring Batch refuses to restart UNKNOWN: the chunks it committed are consistent (each with the reader's position),
     * only the final status was lost. Marking the execution and its unfinished steps FAILED makes it restartable; an
     * execution that did end FAILED keeps its own exit description.
     */
    private JobExecution markUnknownFailed(JobExecution execution) {
        String why = "État inconnu après une coupure de la base de données : marqué en échec pour pouvoir être repris";
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus() == BatchStatus.UNKNOWN || step.getStatus().isRunning()) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
                step.setEndTime(step.getEndTime() == null ? LocalDateTime.now() : step.getEndTime());
                jobRepository.update(step);
            }
        }
        if (execution.getStatus() == BatchStatus.UNKNOWN || execution.getStatus().isRunning()) {
            execution.setStatus(BatchStatus.FAILED);
            execution.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
            execution.setEndTime(execution.getEndTime() == null ? LocalDateTime.now() : execution.getEndTime());
            jobRepository.update(execution);
        }
        return jobRepository.getJobExecution(execution.getId());
    }

    /** The execution with this id; an unknown id is a refusal, not a failure. */
    public JobExecution existing(long executionId) {
        JobExecution execution;
        try {
            execution = jobRepository.getJobExecution(executionId);
        } catch (EmptyResultDataAccessException unknown) {
            // Spring Batch 6.0.6 throws here instead of returning null for an unknown id.
            execution = null;
        }
        if (execution == null) {
            throw new OperationRefusedException("Aucune exécution n° " + executionId + " dans le dépôt des jobs.");
        }
        return execution;
    }

    private void refuseIfRunningOrDone(JobExecution execution, String what) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            throw new OperationRefusedException(what + " est déjà terminée (exécution " + execution.getId() + ") : rien à refaire.");
        }
        if (execution.getStatus() == BatchStatus.ABANDONED) {
            throw new OperationRefusedException(what + " a été abandonnée (exécution " + execution.getId() + ") : elle ne peut plus être reprise.");
        }
        if (execution.getStatus().isRunning()) {
            throw new OperationRefusedException(what + " est déjà en cours (exécution " + execution.getId() + "). Si son processus est "
                    + "mort, marquez-la en échec avec « jobs recover " + execution.getId() + " » puis reprenez-la.");
        }
    }

    /** The newest execution of any job: what {@code run validate} checks when no execution is named. */
    public Optional<JobExecution> latestRun() {
        return jobRepository.getJobNames().stream()
                .map(this::lastExecution).flatMap(Optional::stream)
                .max(Comparator.comparing(JobExecution::getId));
    }

    private void refuseIfUnfinished(String jobName, String what) {
        Optional<JobExecution> unfinished = lastExecution(jobName)
                .filter(e -> e.getStatus() != BatchStatus.COMPLETED && e.getStatus() != BatchStatus.ABANDONED);
        if (unfinished.isPresent()) {
            long id = unfinished.get().getId();
            throw new OperationRefusedException(what + " (exécution " + id + ") est " + StatusLabels.of(unfinished.get())
                    + " : reprenez-la avec « jobs restart " + id + " » ou abandonnez-la avec « jobs abandon " + id + " ».");
        }
    }

    private Optional<JobExecution> lastExecution(String jobName) {
        JobInstance instance = jobRepository.getLastJobInstance(jobName);
        return instance == null ? Optional.empty()
                : jobRepository.getJobExecutions(instance).stream().max(Comparator.comparing(JobExecution::getId));
    }
}
