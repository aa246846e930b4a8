package ca.ptm.nocturne.console;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Runs the console's long actions (restart, run import / gazelle-sync / validate) one at a time on a single
 * background thread, so the HTTP request answers at once. A second action is refused while one runs: the pages
 * disable their buttons and say which action is running.
 */
@Component
@ConditionalOnWebApplication
public class ConsoleRunner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ConsoleRunner.class);

    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "nocturne-console-action");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<String> current = new AtomicReference<>();

    /** What runs now, in French ("Reprise de l'exécution 12"), or empty when idle. */
    public Optional<String> current() {
        return Optional.ofNullable(current.get());
    }

    /** Starts the task unless another one runs; false when refused. */
    public boolean submit(String description, Runnable task) {
        if (!current.compareAndSet(null, description)) {
            return false;
        }
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    log.error("Console action failed: {}", description, e);
                } finally {
                    current.set(null);
                }
            });
        } catch (RuntimeException rejected) {
            current.set(null);
            throw rejected;
        }
        return true;
    }

    /** Waits until no action runs (tests, shutdown); true when idle within the timeout. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (current.get() != null) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
            log.warn("Console : une action tourne encore à l'arrêt ({}) ; son exécution restera « en cours » : "
                    + "« jobs recover » puis « jobs restart » la reprendront.", current.get());
            executor.shutdownNow();
        }
    }
}
