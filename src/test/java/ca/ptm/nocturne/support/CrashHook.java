package ca.ptm.nocturne.support;

import ca.ptm.nocturne.reports.model.ReportBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.ClassUtils;

/**
 * Test-only, in the child JVM of the crash harness: stops the night at an exact point and waits there to be killed.
 * Enabled by {@code NOCTURNE_CRASH_AT} (never set in the tests' own JVM), in one of three forms:
 * <ul>
 * <li>{@code after-commit@<step>@<n>}: once the step's n-th chunk (or tasklet pass) has committed;</li>
 * <li>{@code mid-chunk@<step>@<n>}: inside the n-th chunk's transaction, its items written and the step execution
 *     updated but not committed (for {@code send-morning-email}: the SMTP server has accepted the email);</li>
 * <li>{@code before-report@<slug>}: when the reports step starts building this report (the earlier ones written).</li>
 * </ul>
 * The point reached is announced by writing {@code NOCTURNE_CRASH_MARKER}; the parent then sends SIGKILL. Chunks are
 * counted as the step execution updates Spring Batch makes inside a transaction (one per chunk, in 6.0.6 as in
 * TaskletStep), so the count does not depend on commit_count's own timing.
 */
@Component
@ConditionalOnProperty("nocturne.crash.at")
class CrashHook implements BeanPostProcessor {

    private final String mode;
    private final String target;
    private final int chunk;
    private final Path marker;
    private final AtomicInteger seen = new AtomicInteger();

    CrashHook(Environment environment) {
        String[] at = environment.getRequiredProperty("nocturne.crash.at").split("@", 3);
        mode = at[0];
        target = at[1];
        chunk = at.length > 2 ? Integer.parseInt(at[2]) : 0;
        marker = Path.of(environment.getRequiredProperty("nocturne.crash.marker"));
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof JobRepository && !mode.equals("before-report")) {
            return proxy(bean, (method, args) -> {
                if (method.getName().equals("update") && args.length == 1 && args[0] instanceof StepExecution step
                        && step.getStepName().equals(target) && TransactionSynchronizationManager.isActualTransactionActive()
                        && seen.incrementAndGet() == chunk) {
                    Object result = method.invoke(bean, args);
                    String where = "in " + target + " " + mode + " " + chunk + " (commit_count " + step.getCommitCount() + ")";
                    if (mode.equals("mid-chunk")) {
                        reached(where);
                    }
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            reached(where);
                        }
                    });
                    return result;
                }
                return method.invoke(bean, args);
            });
        }
        if (bean instanceof ReportBuilder builder && mode.equals("before-report") && builder.kind().slug().equals(target)) {
            return proxy(bean, (method, args) -> {
                if (method.getName().equals("build")) {
                    reached("before report " + target);
                }
                return method.invoke(bean, args);
            });
        }
        return bean;
    }

    private interface Call {
        Object invoke(Method method, Object[] args) throws Exception;
    }

    private static Object proxy(Object bean, Call call) {
        return Proxy.newProxyInstance(bean.getClass().getClassLoader(), ClassUtils.getAllInterfaces(bean), (p, method, args) -> {
            try {
                return call.invoke(method, args == null ? new Object[0] : args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    /** Announces the point and waits for SIGKILL. */
    private void reached(String where) {
        try {
            Path part = marker.resolveSibling(marker.getFileName() + ".part");
            Files.writeString(part, where, StandardCharsets.UTF_8);
            Files.move(part, marker, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // keep waiting for the kill: the point must not be passed
            }
        }
    }

    /**
     * With {@code NOCTURNE_CRASH_GO}: the child starts (Spring, Flyway's check) ahead of its turn and waits for this
     * file before the command runs, so the harness warms the next child up while it restarts the previous night.
     */
    @Component
    @ConditionalOnProperty("nocturne.crash.go")
    static class Gate implements ApplicationListener<ApplicationStartedEvent> {

        private final Path go;

        Gate(Environment environment) {
            go = Path.of(environment.getRequiredProperty("nocturne.crash.go"));
        }

        @Override
        public void onApplicationEvent(ApplicationStartedEvent event) {
            long deadline = System.currentTimeMillis() + 900_000;
            while (!Files.exists(go)) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("No go from the crash harness: " + go);
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
