package ca.ptm.nocturne.imports;

import ca.ptm.nocturne.imports.conversion.ImportRowProcessor;
import ca.ptm.nocturne.imports.conversion.RowOutcome;
import ca.ptm.nocturne.imports.inbox.ImportManifest;
import ca.ptm.nocturne.imports.inbox.InboxScanTasklet;
import ca.ptm.nocturne.imports.ledger.ImportBatchLedger;
import ca.ptm.nocturne.imports.mapping.FileKind;
import ca.ptm.nocturne.imports.reading.ImportItem;
import ca.ptm.nocturne.imports.reading.InboxRowReader;
import ca.ptm.nocturne.imports.writing.ImportRowWriter;
import ca.ptm.nocturne.imports.writing.ImportStepListener;
import ca.ptm.nocturne.reference.InstitutionDirectory;
import ca.ptm.nocturne.mail.FailureAlertListener;
import ca.ptm.nocturne.maintenance.FleetOverlayListener;
import ca.ptm.nocturne.operations.StepMetricsListener;
import ca.ptm.nocturne.shared.batch.WarningsJobListener;
import java.nio.file.Path;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import ca.ptm.nocturne.reconciliation.DashboardTable;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The legacy import, top to bottom: scan the inbox (recognise, checksum, refuse the unreadable), then one chunked
 * step per kind of file in dependency order. Each step reads the files the scan planned for its kind, judges every
 * row, and writes accepted rows, rejects and duplicates in the same transaction as the reader's position. Last, the
 * count checks: every row of every file accounted for, or the run fails before anything downstream trusts it.
 * The flow is shared by the {@code import} job and by the nightly pipeline.
 */
@Configuration(proxyBeanMethods = false)
public class ImportJobConfiguration {

    public static final String JOB_NAME = "import";
    private static final String STEP_PREFIX = "import-";

    @Bean
    Job importJob(JobRepository jobRepository, Flow importFlow, WarningsJobListener warnings,
                   FailureAlertListener failureAlert,
                   StepMetricsListener metrics, DashboardTable dashboard, FleetOverlayListener fleetOverlay) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(importFlow)
                .end()
                .listener(warnings)
                .listener(failureAlert)
                .listener(metrics)
                .listener(dashboard.afterJob())
                .listener(fleetOverlay)
                .build();
    }

    @Bean
    Flow importFlow(Step scanInbox, JobRepository jobRepository, PlatformTransactionManager transactionManager,
                    InboxRowReader importReader, ImportRowProcessor importProcessor,
                    ImportRowWriter<Object> importWriter, ImportStepListener importStepListener, ImportProperties properties,
                    Step validateImport) {
        FlowBuilder<Flow> flow = new FlowBuilder<Flow>("importFlow").start(scanInbox);
        for (FileKind kind : FileKind.values()) {
            flow = flow.next(new StepBuilder(STEP_PREFIX + kind.id(), jobRepository)
                    .<ImportItem, RowOutcome>chunk(properties.chunkSize())
                    .transactionManager(transactionManager)
                    .reader(importReader)
                    .processor(importProcessor)
                    .writer(importWriter)
                    .listener(importStepListener)
                    .build());
        }
        return flow.next(validateImport).build();
    }

    @Bean
    Step scanInbox(JobRepository jobRepository, PlatformTransactionManager transactionManager, InboxScanTasklet inboxScanTasklet) {
        return new StepBuilder("import-scan-inbox", jobRepository).tasklet(inboxScanTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    InboxScanTasklet inboxScanTasklet(@Value("#{jobParameters['dir']}") String dir, ImportMappings mappings,
                                      ImportBatchLedger ledger, InstitutionDirectory institutions, ImportProperties properties) {
        return new InboxScanTasklet(dir == null ? properties.inbox() : Path.of(dir), mappings.all(), ledger, institutions, properties);
    }

    @Bean
    @StepScope
    InboxRowReader importReader(@Value("#{jobExecutionContext['" + ImportManifest.CONTEXT_KEY + "']}") ImportManifest manifest,
                                @Value("#{stepExecution.stepName}") String stepName) {
        return new InboxRowReader(manifest.filesOf(kindOf(stepName)));
    }

    @Bean
    @StepScope
    ImportRowProcessor importProcessor(@Value("#{stepExecution.stepName}") String stepName,
                                       @Value("#{jobParameters['year']}") Long year, ImportMappings mappings, ImportKinds kinds,
                                       ImportProperties properties) {
        FileKind kind = kindOf(stepName);
        return new ImportRowProcessor(mappings.of(kind), kinds.converter(kind), year == null ? null : year.intValue(),
                properties.longRecordLines());
    }

    @Bean
    @StepScope
    @SuppressWarnings("unchecked")
    ImportRowWriter<Object> importWriter(@Value("#{stepExecution.stepName}") String stepName,
                                         @Value("#{stepExecution.jobExecution.id}") Long jobExecutionId, ImportKinds kinds,
                                         ImportBatchLedger ledger, PlatformTransactionManager transactionManager,
                                         ImportProperties properties) {
        return new ImportRowWriter<>((ca.ptm.nocturne.imports.writing.ImportTarget<Object>) kinds.target(kindOf(stepName)),
                ledger, transactionManager, properties.skipLimit(), jobExecutionId, properties.longRecordLines());
    }

    @Bean
    @StepScope
    ImportStepListener importStepListener(@Value("#{jobExecutionContext['" + ImportManifest.CONTEXT_KEY + "']}") ImportManifest manifest,
                                          @Value("#{stepExecution.stepName}") String stepName, ImportBatchLedger ledger) {
        return new ImportStepListener(manifest.filesOf(kindOf(stepName)), ledger);
    }

    private static FileKind kindOf(String stepName) {
        return FileKind.fromId(stepName.substring(STEP_PREFIX.length()));
    }
}
