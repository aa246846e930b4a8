package ca.ptm.nocturne.gazelle.steps;

import ca.ptm.nocturne.gazelle.partition.TimelineSlicing;
import ca.ptm.nocturne.gazelle.sync.SyncCounts;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the sync_logs row the dashboard and the health check read as "last sync", once every entity step of the
 * run has completed.
 */
@Component
@StepScope
public class SyncLogTasklet implements Tasklet {

    private final JdbcTemplate jdbc;
    private final String source;
    private final org.springframework.batch.core.repository.JobRepository jobRepository;

    public SyncLogTasklet(JdbcTemplate jdbc, @Value("#{jobParameters['source']}") String source,
                          ca.ptm.nocturne.gazelle.source.GazelleSources sources,
                          org.springframework.batch.core.repository.JobRepository jobRepository) {
        this.jobRepository = jobRepository;
        this.jdbc = jdbc;
        this.source = source == null ? sources.defaultSource() : source;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        // Restarted runs: the totals of the whole run are in the contexts of the latest execution of each step (the
        // timeline's slices are summed in their manager step, gazelle-timeline).
        long written = jdbc.queryForList("""
                SELECT DISTINCT ON (s.step_name) s.step_execution_id FROM batch.batch_step_execution s
                JOIN batch.batch_job_execution e ON e.job_execution_id = s.job_execution_id
                WHERE e.job_instance_id = ? AND s.step_name LIKE 'gazelle-%'
                ORDER BY s.step_name, s.step_execution_id DESC""", Long.class, job.getJobInstance().getInstanceId())
                .stream().map(id -> jobRepository.getStepExecution(id)).filter(java.util.Objects::nonNull)
                .filter(step -> !TimelineSlicing.isSlice(step.getStepName()))
                .map(StepExecution::getExecutionContext).mapToLong(c -> c.getLong(SyncCounts.WRITTEN, 0L)).sum();
        jdbc.update("""
                INSERT INTO sync_logs (sync_type, status, started_at, completed_at, records_synced, job_execution_id, source)
                VALUES ('gazelle_nightly', 'success', ?, now(), ?, ?, ?)""",
                job.getStartTime() == null ? null : java.sql.Timestamp.valueOf(job.getStartTime()), written, job.getId(), source);
        return RepeatStatus.FINISHED;
    }
}
