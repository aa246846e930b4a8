package ca.ptm.nocturne.console;

import ca.ptm.nocturne.gazelle.GazelleSyncJobConfiguration;
import ca.ptm.nocturne.gazelle.partition.TimelineSlicing;
import ca.ptm.nocturne.gazelle.sync.SyncCounts;
import ca.ptm.nocturne.imports.ImportJobConfiguration;
import ca.ptm.nocturne.imports.ledger.ImportBatch;
import ca.ptm.nocturne.imports.ledger.ImportBatchLedger;
import ca.ptm.nocturne.operations.FailureText;
import ca.ptm.nocturne.operations.NightlyJobConfiguration;
import ca.ptm.nocturne.validation.CountCheckRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** What the pages read about runs: the job repository (Spring Batch) plus import_batch and sync_count_check. */
@Service
@ConditionalOnWebApplication
public class RunQueries {

    /** The jobs the console lists, nightly first. */
    public static final List<String> JOBS = List.of(NightlyJobConfiguration.JOB_NAME, ImportJobConfiguration.JOB_NAME,
            GazelleSyncJobConfiguration.JOB_NAME);

    private final JobRepository jobRepository;
    private final JdbcTemplate jdbc;
    private final ImportBatchLedger ledger;
    private final CountCheckRepository countChecks;
    private final String tablePrefix;

    public RunQueries(JobRepository jobRepository, JdbcTemplate jdbc, ImportBatchLedger ledger, CountCheckRepository countChecks,
                      @Value("${spring.batch.jdbc.table-prefix:batch.BATCH_}") String tablePrefix) {
        this.jobRepository = jobRepository;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.countChecks = countChecks;
        this.tablePrefix = tablePrefix;
    }

    /** The newest executions of a job (or of every job when null), newest first. */
    public List<JobExecution> latest(String jobName, int limit) {
        String from = " FROM " + tablePrefix + "JOB_EXECUTION e JOIN " + tablePrefix + "JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID";
        List<Long> ids = jobName == null
                ? jdbc.queryForList("SELECT e.JOB_EXECUTION_ID" + from + " ORDER BY e.JOB_EXECUTION_ID DESC LIMIT ?", Long.class, limit)
                : jdbc.queryForList("SELECT e.JOB_EXECUTION_ID" + from + " WHERE i.JOB_NAME = ? ORDER BY e.JOB_EXECUTION_ID DESC LIMIT ?",
                        Long.class, jobName, limit);
        return ids.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    public Optional<JobExecution> find(long id) {
        try {
            return Optional.ofNullable(jobRepository.getJobExecution(id));
        } catch (EmptyResultDataAccessException unknown) {
            return Optional.empty();
        }
    }

    /** Every execution running now (per the job repository), whatever the job. */
    public List<JobExecution> running() {
        return JOBS.stream().flatMap(job -> jobRepository.findRunningJobExecutions(job).stream())
                .sorted(Comparator.comparing(JobExecution::getId)).toList();
    }

    /** The executions of the same instance (a night and its restarts), oldest first. */
    public List<JobExecution> instanceHistory(JobExecution execution) {
        return jobRepository.getJobExecutions(execution.getJobInstance()).stream()
                .sorted(Comparator.comparing(JobExecution::getId)).toList();
    }

    public RunSummary summarize(JobExecution execution) {
        List<RunSummary.StageCounts> stages = new ArrayList<>();
        importStage(execution).ifPresent(stages::add);
        gazelleStage(execution).ifPresent(stages::add);
        int ok = 0;
        int warn = 0;
        int fail = 0;
        for (Map<String, Object> check : countChecks.ofExecution(execution.getId())) {
            switch (String.valueOf(check.get("status"))) {
                case "OK" -> ok++;
                case "WARN" -> warn++;
                default -> fail++;
            }
        }
        String failedStep = null;
        String failure = null;
        if (execution.getStatus() == BatchStatus.FAILED || execution.getStatus() == BatchStatus.STOPPED
                || execution.getStatus() == BatchStatus.UNKNOWN) {
            Optional<StepExecution> failed = execution.getStepExecutions().stream()
                    .filter(s -> s.getStatus() == BatchStatus.FAILED || s.getStatus() == BatchStatus.UNKNOWN)
                    .max(Comparator.comparing(StepExecution::getId));
            if (failed.isPresent()) {
                failedStep = failed.get().getStepName();
                failure = FailureText.summarize(failed.get().getExitStatus().getExitDescription());
            }
            if (failedStep != null && failedStep.startsWith("import-") && (failure == null || failure.startsWith("Unable to process chunk"))) {
                // Spring Batch wraps the writer's "Trop de lignes rejetées …" in a generic message; the ledger kept the reason.
                failure = ledger.ofJobInstance(execution.getJobInstance().getInstanceId()).stream()
                        .filter(b -> "FAILED".equals(b.status()) && b.message() != null).map(ImportBatch::message)
                        .reduce((a, b) -> b).orElse(failure);
            }
            if (failure == null || failure.isBlank()) {
                failure = FailureText.summarize(execution.getExitStatus().getExitDescription());
            }
        }
        return new RunSummary(execution, execution.getJobParameters().getLocalDate("date", null), stages, ok, warn, fail,
                failedStep, failure == null || failure.isBlank() ? null : failure);
    }

    /** The import's figures: the files of the instance (import_batch), or the import-* steps while they run. */
    private Optional<RunSummary.StageCounts> importStage(JobExecution execution) {
        List<ImportBatch> batches = ledger.ofJobInstance(execution.getJobInstance().getInstanceId());
        if (!batches.isEmpty()) {
            return Optional.of(new RunSummary.StageCounts("Import",
                    batches.stream().mapToLong(ImportBatch::rowsRead).sum(),
                    batches.stream().mapToLong(ImportBatch::rowsWritten).sum(),
                    batches.stream().mapToLong(ImportBatch::rowsRejected).sum(),
                    batches.stream().mapToLong(ImportBatch::rowsDuplicate).sum()));
        }
        List<StepExecution> steps = execution.getStepExecutions().stream().filter(s -> s.getStepName().startsWith("import-")).toList();
        if (steps.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RunSummary.StageCounts("Import", steps.stream().mapToLong(StepExecution::getReadCount).sum(),
                steps.stream().mapToLong(StepExecution::getWriteCount).sum(), steps.stream().mapToLong(StepExecution::getSkipCount).sum(), 0));
    }

    /** The sync's figures: read = written + set aside + noise and unchanged (SyncCounts in each entity step's context). */
    private Optional<RunSummary.StageCounts> gazelleStage(JobExecution execution) {
        List<StepExecution> steps = execution.getStepExecutions().stream().filter(s -> s.getStepName().startsWith("gazelle-"))
                .filter(s -> !TimelineSlicing.isSlice(s.getStepName())).toList();
        if (steps.isEmpty()) {
            return Optional.empty();
        }
        long read = 0;
        long written = 0;
        long skipped = 0;
        long noise = 0;
        for (StepExecution step : steps) {
            var context = step.getExecutionContext();
            if (!context.containsKey(SyncCounts.WRITTEN) && !context.containsKey(SyncCounts.SKIPPED) && step.getReadCount() == 0) {
                continue;
            }
            read += context.getLong(SyncCounts.SOURCE_READ, step.getReadCount());
            written += context.getLong(SyncCounts.WRITTEN, 0L);
            skipped += context.getLong(SyncCounts.SKIPPED, 0L);
            // Like the import's duplicates, noise and unchanged records were received and did not need writing.
            noise += context.getLong(SyncCounts.NOISE, 0L) + context.getLong(SyncCounts.UNCHANGED, 0L);
        }
        return Optional.of(new RunSummary.StageCounts("Gazelle", read, written, skipped, noise));
    }

    /** The files the import of this instance read, with their counts. */
    public List<ImportBatch> importBatches(JobExecution execution) {
        return ledger.ofJobInstance(execution.getJobInstance().getInstanceId());
    }

    public List<Map<String, Object>> countChecks(long executionId) {
        return countChecks.ofExecution(executionId);
    }

    public long rejectCount(JobExecution execution) {
        return jdbc.queryForObject("SELECT count(*) FROM import_reject r JOIN import_batch b ON b.id = r.import_batch_id "
                + "WHERE b.job_instance_id = ?", Long.class, execution.getJobInstance().getInstanceId());
    }

    /** The Gazelle records this execution set aside or warned about (sync_reject), first ones. */
    public List<Map<String, Object>> syncRejects(long executionId, int limit) {
        return jdbc.queryForList("SELECT kind, entity, external_id, source, line_number, reason_code, message FROM sync_reject "
                + "WHERE job_execution_id = ? ORDER BY id LIMIT ?", executionId, limit);
    }

    public long syncRejectCount(long executionId) {
        return jdbc.queryForObject("SELECT count(*) FROM sync_reject WHERE job_execution_id = ?", Long.class, executionId);
    }

    /** A step's exit description in one French line (empty when it has none). */
    public String summarizeStep(StepExecution step) {
        return FailureText.summarize(step.getExitStatus().getExitDescription());
    }
}
