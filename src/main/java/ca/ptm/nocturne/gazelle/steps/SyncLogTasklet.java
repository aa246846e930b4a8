package ca.ptm.nocturne.gazelle.steps;

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

    public SyncLogTasklet(JdbcTemplate jdbc, @Value("#{jobParameters['source']}") String source) {
        this.jdbc = jdbc;
        this.source = source;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        long written = job.getStepExecutions().stream().filter(s -> s.getStepName().startsWith("gazelle-"))
                .map(StepExecution::getExecutionContext).mapToLong(c -> c.getLong(SyncCounts.WRITTEN, 0L)).sum();
        jdbc.update("""
                INSERT INTO sync_logs (sync_type, status, started_at, completed_at, records_synced, job_execution_id, source)
                VALUES ('gazelle_nightly', 'success', ?, now(), ?, ?, ?)""",
                job.getStartTime() == null ? null : java.sql.Timestamp.valueOf(job.getStartTime()), written, job.getId(), source);
        return RepeatStatus.FINISHED;
    }
}
