package ca.ptm.nocturne.operations.crash;

import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.operations.SyncOptions;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import org.springframework.batch.core.job.JobExecution;

/**
 * Launches a night on another thread. Kept out of test classes: @SpringBatchTest takes any test-class method (lambdas
 * included) returning a JobExecution for a factory.
 */
public final class BackgroundNight {

    private BackgroundNight() {
    }

    public static CompletableFuture<JobExecution> launch(JobLaunches launches, LocalDate night, Path inbox, Path exports) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return launches.runNightly(night, inbox.toString(), null, new SyncOptions("files", exports.toString(), false));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
