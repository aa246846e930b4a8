package ca.ptm.nocturne.gazelle.partition;

import ca.ptm.nocturne.gazelle.source.GraphQlPageReader;
import ca.ptm.nocturne.gazelle.source.TimelineSlice;
import ca.ptm.nocturne.gazelle.sync.SyncCounts;
import java.util.Collection;
import java.util.List;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.partition.StepExecutionAggregator;
import org.springframework.batch.core.partition.support.RemoteStepExecutionAggregator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Gives the manager step the totals of the whole night, as the unpartitioned step had them: status and item counts
 * from the partitions of this attempt (read back from the job repository, so remote workers are seen too), and the
 * sync accounting (read, written, unchanged, skipped, noise, pages…) summed over the latest execution of EVERY slice,
 * since a restart runs only the slices that had not finished and their contexts carry their own totals.
 */
public class SliceTotals implements StepExecutionAggregator {

    static final List<String> SUMMED = List.of(SyncCounts.SOURCE_READ, SyncCounts.WRITTEN, SyncCounts.UNCHANGED,
            SyncCounts.SKIPPED, SyncCounts.NOISE, SyncCounts.WARNINGS, SyncCounts.PARENTS_FETCHED, SyncCounts.SUPERSEDED,
            GraphQlPageReader.PAGES, GraphQlPageReader.CAP_CHECKS);

    private final JobRepository jobRepository;
    private final StepExecutionAggregator itemCounts;

    public SliceTotals(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
        this.itemCounts = new RemoteStepExecutionAggregator(jobRepository);
    }

    @Override
    public void aggregate(StepExecution manager, Collection<StepExecution> executions) {
        itemCounts.aggregate(manager, executions);
        ExecutionContext totals = manager.getExecutionContext();
        SUMMED.forEach(totals::remove);
        JobInstance instance = manager.getJobExecution().getJobInstance();
        for (TimelineSlice slice : TimelinePlan.slices(manager)) {
            StepExecution latest = jobRepository.getLastStepExecution(instance, TimelineSlicing.WORKER_STEP + ":" + slice.name());
            if (latest == null) {
                continue;
            }
            ExecutionContext context = latest.getExecutionContext();
            for (String key : SUMMED) {
                if (context.containsKey(key)) {
                    totals.putLong(key, totals.getLong(key, 0L) + context.getLong(key));
                }
            }
        }
    }
}
