package ca.ptm.nocturne.console;

import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.operations.SyncOptions;
import ca.ptm.nocturne.reports.GenerateReportsTasklet;
import ca.ptm.nocturne.reports.ReportsConfiguration;
import ca.ptm.nocturne.support.SampleInbox;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Real runs for the console's tests, made with JobLaunches like the command line makes them. Kept out of the test
 * classes: @SpringBatchTest takes a test-class method returning a JobExecution or StepExecution for itself.
 */
final class ConsoleRuns {

    static final SyncOptions GAZELLE_SAMPLES = new SyncOptions("files", Path.of("jobs/samples/gazelle").toString(), false);

    private ConsoleRuns() {
    }

    /** The bundled samples imported: completed, with a few rejected rows. */
    static JobExecution completedImport(JobLaunches launches, Path temp) throws Exception {
        return launches.runImport(SampleInbox.withSamples(temp.resolve("bons")).dir(), null);
    }

    /** A products file that is mostly garbage: the import fails at import-products with 99 rejected rows kept. */
    static JobExecution failedImport(JobLaunches launches, Path temp) throws Exception {
        StringBuilder garbage = new StringBuilder("ProductId,Name,Sku,UnitCost,RetailPrice,Active,CreatedAt\n");
        garbage.append("201,Feutre démo,FEU-001,\"1,00\",2.00,True,\n");
        for (int i = 0; i < 150; i++) {
            garbage.append(300 + i).append(",Produit ").append(i).append(",X-").append(i).append(",n/a,,True,\n");
        }
        SampleInbox inbox = SampleInbox.empty(temp.resolve("corrompus")).write("produits-corrompus.csv", garbage.toString());
        return launches.runImport(inbox.dir(), null);
    }

    /** A Gazelle sync that fails its schema check (a required column dropped); {@link #restoreColumn} fixes it. */
    static JobExecution failedSync(JobLaunches launches, JdbcTemplate jdbc) throws Exception {
        jdbc.execute("ALTER TABLE gazelle_clients DROP COLUMN IF EXISTS postal_code");
        return launches.runGazelleSync(LocalDate.of(2026, 3, 1), GAZELLE_SAMPLES);
    }

    static void restoreColumn(JdbcTemplate jdbc) {
        jdbc.execute("ALTER TABLE gazelle_clients ADD COLUMN IF NOT EXISTS postal_code text");
    }

    /** A night left STARTED by a process that died: one step started, 40 rows read. */
    static JobExecution stuckNight(JobRepository repository, LocalDate date) {
        JobParameters parameters = new JobParametersBuilder().addLocalDate("date", date, true).toJobParameters();
        JobInstance instance = repository.createJobInstance("nightly", parameters);
        JobExecution execution = repository.createJobExecution(instance, parameters, new ExecutionContext());
        execution.setStartTime(LocalDateTime.now(ZoneOffset.UTC).minusMinutes(5));
        execution.setStatus(BatchStatus.STARTED);
        repository.update(execution);
        StepExecution step = repository.createStepExecution("import-pda", execution);
        step.setStartTime(LocalDateTime.now(ZoneOffset.UTC).minusMinutes(4));
        step.setStatus(BatchStatus.STARTED);
        step.setReadCount(40);
        step.setWriteCount(38);
        repository.update(step);
        return repository.getJobExecution(execution.getId());
    }

    /** A completed run whose generate-reports step lists these files (as the real step does). */
    static JobExecution runWithReports(JobRepository repository, List<Path> files) {
        JobParameters parameters = new JobParametersBuilder().addString("requested.at", LocalDateTime.now().toString() + Math.random(), true)
                .toJobParameters();
        JobInstance instance = repository.createJobInstance("reports-test", parameters);
        JobExecution execution = repository.createJobExecution(instance, parameters, new ExecutionContext());
        execution.setStartTime(LocalDateTime.now(ZoneOffset.UTC).minusMinutes(1));
        StepExecution step = repository.createStepExecution(ReportsConfiguration.STEP_NAME, execution);
        ArrayList<String> paths = new ArrayList<>();
        files.forEach(f -> paths.add(f.toAbsolutePath().toString()));
        step.getExecutionContext().put(GenerateReportsTasklet.FILES_KEY, paths);
        step.setStatus(BatchStatus.COMPLETED);
        step.setExitStatus(ExitStatus.COMPLETED);
        step.setStartTime(execution.getStartTime());
        step.setEndTime(LocalDateTime.now(ZoneOffset.UTC));
        repository.update(step);
        repository.updateExecutionContext(step);
        execution.setStatus(BatchStatus.COMPLETED);
        execution.setExitStatus(ExitStatus.COMPLETED);
        execution.setEndTime(LocalDateTime.now(ZoneOffset.UTC));
        repository.update(execution);
        return repository.getJobExecution(execution.getId());
    }
}
