package ca.ptm.nocturne.reconciliation;

import ca.ptm.nocturne.gazelle.source.GazelleSources;
import ca.ptm.nocturne.reference.TechnicianDirectory;
import ca.ptm.nocturne.shared.time.BusinessTime;
import ca.ptm.nocturne.validation.CountCheckRepository;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The Place des Arts reconciliation, after the Gazelle sync: link requests to appointments, move statuses forward,
 * ask Gazelle which linked appointments are complete (the morning completion check), derive parking, then the state
 * checks. Five tasklet steps, each in one transaction (a few hundred requests), each
 * re-reading the tables: a restarted run resumes at the failed step and a repeated run finds nothing left to change.
 * The steps read the job parameters {@code date} (run date, default today in Montreal) and {@code lookback-days}
 * (completion look-back override).
 */
@Configuration(proxyBeanMethods = false)
public class PdaReconcileConfiguration {

    public static final String FLOW_NAME = "pdaReconcileFlow";
    public static final String LINK_STEP = "pda-link";
    public static final String STATUS_STEP = "pda-status";
    public static final String PARKING_STEP = "pda-parking";
    public static final String CHECKS_STEP = "pda-checks";

    @Bean
    Flow pdaReconcileFlow(JobRepository jobRepository, PlatformTransactionManager transactionManager, LinkPlanner planner,
                          PdaRequestStore requests, GazelleView gazelle, TechnicianDirectory technicians, AnomalyLog anomalies,
                          PdaReconcileProperties properties, DashboardTable dashboard, Step pdaCompletionStep) {
        BusinessTime time = BusinessTime.system();
        return new FlowBuilder<Flow>(FLOW_NAME)
                .start(step(LINK_STEP, new PdaLinkTasklet(planner, requests, anomalies, properties, time), jobRepository, transactionManager))
                .next(step(STATUS_STEP, new PdaStatusTasklet(requests, gazelle, anomalies, properties, time), jobRepository,
                        transactionManager))
                .next(pdaCompletionStep)
                .next(step(PARKING_STEP, new PdaParkingTasklet(requests, gazelle, technicians, anomalies, properties, time),
                        jobRepository, transactionManager))
                .next(step(CHECKS_STEP, new PdaChecksTasklet(requests, gazelle, anomalies, properties, time, dashboard), jobRepository,
                        transactionManager))
                .build();
    }

    /** The morning completion check, in the night and in {@code run pda-completion}. */
    @Bean
    Step pdaCompletionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcTemplate jdbc,
                           PdaRequestStore requests, GazelleSources sources, CountCheckRepository countChecks,
                           PdaReconcileProperties properties) {
        return step(PdaCompletionTasklet.STEP, new PdaCompletionTasklet(jdbc, requests, sources, sources::apiClient, countChecks,
                properties, BusinessTime.system()), jobRepository, transactionManager);
    }

    private static Step step(String name, Tasklet tasklet, JobRepository jobRepository, PlatformTransactionManager transactionManager) {
        return new StepBuilder(name, jobRepository).tasklet(tasklet, transactionManager).build();
    }
}
