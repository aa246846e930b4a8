package ca.ptm.nocturne.reconciliation;

import ca.ptm.nocturne.shared.time.BusinessTime;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 1: links unlinked requests to their Gazelle appointment and records the requests left for review. One
 * transaction: a failure leaves no link and no anomaly behind, and the restarted step plans again from the tables.
 */
public class PdaLinkTasklet implements Tasklet {

    private final LinkPlanner planner;
    private final PdaRequestStore requests;
    private final AnomalyLog anomalies;
    private final PdaReconcileProperties properties;
    private final BusinessTime time;

    public PdaLinkTasklet(LinkPlanner planner, PdaRequestStore requests, AnomalyLog anomalies, PdaReconcileProperties properties,
                          BusinessTime time) {
        this.planner = planner;
        this.requests = requests;
        this.anomalies = anomalies;
        this.properties = properties;
        this.time = time;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        ReconcileRun run = ReconcileRun.of(contribution.getStepExecution(), properties, time);
        LinkPlan plan = planner.plan(run);
        for (LinkPlan.Link link : plan.links()) {
            if (requests.link(link.request().id(), link.candidate().appointment().externalId())) {
                contribution.incrementWriteCount(1);
            }
        }
        anomalies.recordAll(run, plan.reviews());
        return RepeatStatus.FINISHED;
    }
}
