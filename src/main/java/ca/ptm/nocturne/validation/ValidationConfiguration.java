package ca.ptm.nocturne.validation;

import ca.ptm.nocturne.gazelle.source.GazelleSources;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The two validation steps: after the import (every file accounted for, import tables not shrunk) and after the
 * sync (every Gazelle record accounted for, Gazelle tables not shrunk).
 */
@Configuration(proxyBeanMethods = false)
public class ValidationConfiguration {

    @Bean
    Step validateImport(JobRepository jobRepository, PlatformTransactionManager transactionManager, ImportCountChecks imports,
                        TableSizeChecks tables, CountCheckRepository repository) {
        return new StepBuilder("validate-import", jobRepository).tasklet(new CountValidationTasklet(job -> {
            List<CountCheck> checks = new ArrayList<>(imports.checks(job.getJobInstance().getInstanceId()));
            checks.addAll(tables.checks(TableSizeChecks.IMPORT_TABLES, job.getJobInstance().getInstanceId()));
            return checks;
        }, repository, ownTransaction(transactionManager)), transactionManager).build();
    }

    @Bean
    Step validateGazelle(JobRepository jobRepository, PlatformTransactionManager transactionManager, SyncCountChecks sync,
                         TableSizeChecks tables, CountCheckRepository repository, GazelleSources sources) {
        return new StepBuilder("validate-gazelle", jobRepository).tasklet(new CountValidationTasklet(job -> {
            String source = job.getJobParameters().getString("source", sources.defaultSource());
            List<CountCheck> checks = new ArrayList<>(sync.checks(job.getJobInstance(), source));
            checks.addAll(tables.checks(TableSizeChecks.GAZELLE_TABLES, job.getJobInstance().getInstanceId()));
            return checks;
        }, repository, ownTransaction(transactionManager)), transactionManager).build();
    }

    private static TransactionTemplate ownTransaction(PlatformTransactionManager transactionManager) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return template;
    }
}
