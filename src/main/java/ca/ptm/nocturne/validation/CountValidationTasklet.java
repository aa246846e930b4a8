package ca.ptm.nocturne.validation;

import java.util.List;
import java.util.function.Function;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The validation stage of a run: computes the checks, stores them (with the step's commit when all pass, so a crash
 * before it leaves no duplicate; in a transaction of their own when one failed, so the FAIL stays on record), and
 * fails the step when one failed.
 */
public class CountValidationTasklet implements Tasklet {

    private final Function<JobExecution, List<CountCheck>> checks;
    private final CountCheckRepository repository;
    private final TransactionTemplate ownTransaction;

    public CountValidationTasklet(Function<JobExecution, List<CountCheck>> checks, CountCheckRepository repository,
                                  TransactionTemplate ownTransaction) {
        this.checks = checks;
        this.repository = repository;
        this.ownTransaction = ownTransaction;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        List<CountCheck> results = checks.apply(job);
        List<CountCheck> failed = results.stream().filter(c -> c.status() == CheckStatus.FAIL).toList();
        if (failed.isEmpty()) {
            // In the step's transaction: a process killed before the step commits leaves no check behind, and the
            // restart records each one once.
            results.forEach(c -> repository.save(job.getId(), job.getJobInstance().getInstanceId(), c));
        } else {
            // The step fails and its transaction rolls back: the FAIL verdicts stay on record in a transaction of their own.
            ownTransaction.executeWithoutResult(status -> results.forEach(c ->
                    repository.save(job.getId(), job.getJobInstance().getInstanceId(), c)));
        }
        contribution.incrementWriteCount(results.size());
        if (!failed.isEmpty()) {
            throw new CountCheckFailedException(failed);
        }
        return RepeatStatus.FINISHED;
    }
}
