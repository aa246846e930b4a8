package ca.ptm.nocturne.gazelle;

import ca.ptm.nocturne.gazelle.partition.SliceRunnerStamp;
import ca.ptm.nocturne.gazelle.partition.SliceTotals;
import ca.ptm.nocturne.gazelle.partition.TimelinePlan;
import ca.ptm.nocturne.gazelle.partition.TimelineSlicing;
import ca.ptm.nocturne.gazelle.source.GazelleSources;
import ca.ptm.nocturne.gazelle.source.SyncWindow;
import ca.ptm.nocturne.gazelle.source.TimelineSlice;
import ca.ptm.nocturne.gazelle.source.GraphQlPageReader;
import ca.ptm.nocturne.gazelle.steps.CancelVanishedAppointmentsTasklet;
import ca.ptm.nocturne.gazelle.steps.LinkTechniciansTasklet;
import ca.ptm.nocturne.gazelle.steps.SchemaCheckTasklet;
import ca.ptm.nocturne.gazelle.steps.SyncLogTasklet;
import ca.ptm.nocturne.gazelle.sync.GazelleEntity;
import ca.ptm.nocturne.gazelle.sync.LiveColumns;
import ca.ptm.nocturne.gazelle.sync.SyncItem;
import ca.ptm.nocturne.gazelle.sync.SyncItemWriter;
import ca.ptm.nocturne.gazelle.sync.SyncRecordWriter;
import ca.ptm.nocturne.gazelle.sync.SyncRejects;
import ca.ptm.nocturne.reference.TechnicianDirectory;
import ca.ptm.nocturne.mail.FailureAlertListener;
import ca.ptm.nocturne.operations.StepMetricsListener;
import ca.ptm.nocturne.shared.batch.WarningsJobListener;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The Gazelle → Supabase sync, top to bottom: check the live schema, then one chunked step per entity with parents
 * before children (users, clients with their default contact, pianos, appointments with their pianos, timeline
 * entries, invoices with their items), the cancellation of appointments Gazelle no longer returns, the count
 * checks, and the "last sync" row the dashboard shows. A chunk is a few pages of Gazelle (or rows of an export file);
 * the next page is fetched while a chunk is written. The timeline, by far the largest entity, is read in slices (groups
 * of timeline types, checked with totalCount to add up to the whole) by a partitioned step: several slices at a time on a thread pool, or by worker processes
 * over RabbitMQ when {@code nocturne.partitioning.mode=remote} (see {@code operations.remote}).
 */
@Configuration(proxyBeanMethods = false)
public class GazelleSyncJobConfiguration {

    public static final String JOB_NAME = "gazelle-sync";
    static final String STEP_PREFIX = "gazelle-";

    @Bean
    Job gazelleSyncJob(JobRepository jobRepository, Flow gazelleSyncFlow, WarningsJobListener warnings,
                   FailureAlertListener failureAlert,
                   StepMetricsListener metrics) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(gazelleSyncFlow)
                .end()
                .listener(warnings)
                .listener(failureAlert)
                .listener(metrics)
                .build();
    }

    @Bean
    Flow gazelleSyncFlow(JobRepository jobRepository, PlatformTransactionManager transactionManager, LiveColumns liveColumns,
                         ItemStreamReader<SyncItem> gazelleReader, SyncItemWriter gazelleWriter,
                         LinkTechniciansTasklet linkTechnicians, CancelVanishedAppointmentsTasklet cancelVanished,
                         SyncLogTasklet syncLog, GazelleProperties properties, Step gazelleTimeline, Step validateGazelle) {
        return new FlowBuilder<Flow>("gazelleSyncFlow")
                .start(tasklet("gazelle-schema-check", new SchemaCheckTasklet(liveColumns), jobRepository, transactionManager))
                .next(entityStep(GazelleEntity.USER, gazelleReader, gazelleWriter, jobRepository, transactionManager, properties))
                .next(tasklet("gazelle-link-technicians", linkTechnicians, jobRepository, transactionManager))
                .next(entityStep(GazelleEntity.CLIENT, gazelleReader, gazelleWriter, jobRepository, transactionManager, properties))
                .next(entityStep(GazelleEntity.PIANO, gazelleReader, gazelleWriter, jobRepository, transactionManager, properties))
                .next(entityStep(GazelleEntity.APPOINTMENT, gazelleReader, gazelleWriter, jobRepository, transactionManager, properties))
                .next(tasklet("gazelle-cancel-vanished", cancelVanished, jobRepository, transactionManager))
                .next(gazelleTimeline)
                .next(entityStep(GazelleEntity.INVOICE, gazelleReader, gazelleWriter, jobRepository, transactionManager, properties))
                .next(validateGazelle)
                .next(tasklet("gazelle-sync-log", syncLog, jobRepository, transactionManager))
                .build();
    }

    public static String stepName(GazelleEntity entity) {
        return STEP_PREFIX + switch (entity) {
            case USER -> "users";
            case CLIENT -> "clients";
            case PIANO -> "pianos";
            case APPOINTMENT -> "appointments";
            case TIMELINE_ENTRY -> "timeline";
            case INVOICE -> "invoices";
            default -> throw new IllegalArgumentException(entity + " has no step of its own");
        };
    }

    static GazelleEntity entityOf(String stepName) {
        String name = TimelineSlicing.baseName(stepName);
        if (name.equals(TimelineSlicing.WORKER_STEP)) {
            return GazelleEntity.TIMELINE_ENTRY;
        }
        for (GazelleEntity entity : GazelleEntity.values()) {
            try {
                if (stepName(entity).equals(name)) {
                    return entity;
                }
            } catch (IllegalArgumentException childEntity) {
                // contacts, appointment pianos and invoice items travel with their parents
            }
        }
        throw new IllegalArgumentException("No entity for step " + stepName);
    }

    private static Step entityStep(GazelleEntity entity, ItemStreamReader<SyncItem> reader, SyncItemWriter writer,
                                   JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                   GazelleProperties properties) {
        return chunks(stepName(entity), reader, writer, jobRepository, transactionManager, properties).build();
    }

    private static ChunkOrientedStepBuilder<SyncItem, SyncItem> chunks(String name, ItemStreamReader<SyncItem> reader,
                                                                       SyncItemWriter writer, JobRepository jobRepository,
                                                                       PlatformTransactionManager transactionManager,
                                                                       GazelleProperties properties) {
        return new StepBuilder(name, jobRepository)
                .<SyncItem, SyncItem>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(reader)
                .writer(writer)
                .listener(writer);
    }

    /** One slice of the timeline (a partition of gazelle-timeline); the bean name is the step name remote workers ask for. */
    @Bean(TimelineSlicing.WORKER_STEP)
    Step timelineSliceStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                           ItemStreamReader<SyncItem> gazelleReader, SyncItemWriter gazelleWriter, GazelleProperties properties) {
        return chunks(TimelineSlicing.WORKER_STEP, gazelleReader, gazelleWriter, jobRepository, transactionManager, properties)
                .listener(new SliceRunnerStamp())
                .build();
    }

    @Bean
    TimelinePlan timelinePlan(SyncWindow windows, GazelleSources sources, GazelleProperties properties) {
        return new TimelinePlan(windows, sources, properties.timelineByTypes(), properties.timelinePartitions());
    }

    /** The timeline step of a single process: its slices run on a pool of {@code nocturne.gazelle.timeline-threads}. */
    @Bean
    @ConditionalOnProperty(name = "nocturne.partitioning.mode", havingValue = "local", matchIfMissing = true)
    Step gazelleTimeline(JobRepository jobRepository, @Qualifier(TimelineSlicing.WORKER_STEP) Step timelineSliceStep,
                         TimelinePlan timelinePlan, GazelleProperties properties) {
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("timeline-slice-");
        threads.setConcurrencyLimit(properties.timelineThreads());
        return new StepBuilder(TimelineSlicing.MANAGER_STEP, jobRepository)
                .partitioner(TimelineSlicing.WORKER_STEP, timelinePlan)
                .step(timelineSliceStep)
                .gridSize(properties.timelineThreads())
                .taskExecutor(threads)
                .aggregator(new SliceTotals(jobRepository))
                .listener(timelinePlan)
                .build();
    }

    private static Step tasklet(String name, org.springframework.batch.core.step.tasklet.Tasklet tasklet,
                                JobRepository jobRepository, PlatformTransactionManager transactionManager) {
        return new StepBuilder(name, jobRepository).tasklet(tasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    ItemStreamReader<SyncItem> gazelleReader(@Value("#{stepExecution}") StepExecution stepExecution,
                                             @Value("#{jobParameters['source']}") String source,
                                             @Value("#{jobParameters['gazelle-dir']}") String dir,
                                             @Value("#{jobParameters['full']}") String full,
                                             @Value("#{jobParameters['date']}") LocalDate date,
                                             GazelleSources sources, GazelleProperties properties) {
        String stepName = stepExecution.getStepName();
        return sources.reader(entityOf(stepName), stepName, source == null ? sources.defaultSource() : source,
                dir == null ? properties.exportsDir() : Path.of(dir), Boolean.parseBoolean(full),
                date == null ? ca.ptm.nocturne.shared.time.BusinessTime.system().today() : date,
                TimelineSlice.fromContext(stepExecution.getExecutionContext()));
    }

    @Bean
    @StepScope
    SyncItemWriter gazelleWriter(@Value("#{stepExecution}") StepExecution stepExecution,
                                 @Value("#{jobParameters['source']}") String source, JdbcTemplate jdbc,
                                 LiveColumns liveColumns, SyncRejects rejects, GazelleSources sources) {
        String chosen = source == null ? sources.defaultSource() : source;
        return new SyncItemWriter(jdbc, new SyncRecordWriter(jdbc, liveColumns.read(), stepExecution.getJobExecution().getId()),
                rejects, sources.parentFetcher(chosen), chosen);
    }

    @Bean
    @StepScope
    LinkTechniciansTasklet linkTechnicians(JdbcTemplate jdbc, TechnicianDirectory technicians) {
        return new LinkTechniciansTasklet(jdbc, technicians);
    }

    @Bean
    @StepScope
    CancelVanishedAppointmentsTasklet cancelVanished(@Value("#{jobParameters['source']}") String source,
                                                     @Value("#{jobParameters['date']}") LocalDate date,
                                                     @Value("#{stepExecution.jobExecution}") org.springframework.batch.core.job.JobExecution jobExecution,
                                                     JdbcTemplate jdbc, SyncRejects rejects, GazelleSources sources,
                                                     GazelleProperties properties, JobRepository jobRepository) {
        boolean api = GazelleSources.API.equals(source == null ? sources.defaultSource() : source);
        LocalDate runDate = date == null ? ca.ptm.nocturne.shared.time.BusinessTime.system().today() : date;
        StepExecution appointments = jobRepository.getLastStepExecution(jobExecution.getJobInstance(),
                stepName(GazelleEntity.APPOINTMENT));
        @SuppressWarnings("unchecked")
        Map<String, Object> window = appointments == null ? null
                : (Map<String, Object>) appointments.getExecutionContext().get(GraphQlPageReader.WINDOW);
        LocalDate start = window == null || window.get("startOn") == null ? null : LocalDate.parse((String) window.get("startOn"));
        return new CancelVanishedAppointmentsTasklet(jdbc, rejects, properties.cancelThreshold(), start, runDate, api);
    }
}
