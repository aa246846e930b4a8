package ca.ptm.nocturne.operations.cli;

import ca.ptm.nocturne.imports.inbox.ImportManifest;
import ca.ptm.nocturne.imports.inbox.InboxFile;
import ca.ptm.nocturne.imports.mapping.FileKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * The progress of a job the command line runs, read from the job repository (the counts each chunk commits) on a
 * thread of its own, so the job's threads do no extra work. On a terminal: a live line per running step, redrawn
 * every second (records read and written, rate, and the time left where the total is known: an import step's rows,
 * counted in its files). Otherwise (cron, CI, a pipe): one plain line per running step every {@code interval}, without
 * any control character.
 */
final class ProgressDisplay implements AutoCloseable {

    private static final String IMPORT_STEP = "import-";

    private final JobRepository jobRepository;
    private final PrintStream out;
    private final boolean terminal;
    private final Duration interval;
    private final LocalDateTime launchedAt = LocalDateTime.now(ZoneOffset.UTC).minusSeconds(1);
    private final Map<Long, Long> totals = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private int drawnLines;

    private ProgressDisplay(JobRepository jobRepository, PrintStream out, boolean terminal, Duration interval) {
        this.jobRepository = jobRepository;
        this.out = out;
        this.terminal = terminal;
        this.interval = interval;
        this.thread = new Thread(this::loop, "nocturne-progress");
        this.thread.setDaemon(true);
    }

    /** Starts following the next job this process launches. */
    static ProgressDisplay start(JobRepository jobRepository, PrintStream out, boolean terminal, Duration plainInterval) {
        return start(jobRepository, out, terminal, plainInterval, Duration.ofSeconds(1));
    }

    /** @param redrawInterval how often a terminal's lines are redrawn (a test makes it short, so a short job is drawn) */
    static ProgressDisplay start(JobRepository jobRepository, PrintStream out, boolean terminal, Duration plainInterval,
                                 Duration redrawInterval) {
        ProgressDisplay display = new ProgressDisplay(jobRepository, out, terminal, terminal ? redrawInterval : plainInterval);
        display.thread.start();
        return display;
    }

    /** Whether this process writes to a terminal (then the lines are redrawn in place). */
    static boolean onTerminal() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            erase();
        }
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException stopped) {
                return;
            }
            try {
                List<String> lines = lines();
                synchronized (this) {
                    if (running) {
                        draw(lines);
                    }
                }
            } catch (RuntimeException notYet) {
                // the repository is busy or the job not created yet: the next tick tries again
            }
        }
    }

    private List<String> lines() {
        Optional<JobExecution> execution = jobRepository.getJobNames().stream()
                .flatMap(name -> jobRepository.findRunningJobExecutions(name).stream())
                .filter(e -> e.getCreateTime() != null && !e.getCreateTime().isBefore(launchedAt))
                .max(Comparator.comparing(JobExecution::getId));
        if (execution.isEmpty()) {
            return List.of();
        }
        JobExecution job = jobRepository.getJobExecution(execution.get().getId());
        List<String> lines = new ArrayList<>();
        for (StepExecution step : job.getStepExecutions()) {
            if (step.getStatus() == BatchStatus.STARTED && step.getStartTime() != null) {
                lines.add(line(job, step));
            }
        }
        return lines;
    }

    String line(JobExecution job, StepExecution step) {
        double seconds = Math.max(0.001, Duration.between(step.getStartTime(), LocalDateTime.now(ZoneOffset.UTC)).toMillis() / 1000.0);
        long read = step.getReadCount();
        double rate = read / seconds;
        StringBuilder text = new StringBuilder(String.format(Locale.CANADA_FRENCH, "%-28s lus %,d  écrits %,d", step.getStepName(), read,
                step.getWriteCount()));
        if (step.getSkipCount() > 0) {
            text.append(String.format(Locale.CANADA_FRENCH, "  rejetés %,d", step.getSkipCount()));
        }
        text.append(String.format(Locale.CANADA_FRENCH, "  %,.0f/s  depuis %s", rate, clock(seconds)));
        Long total = total(job, step);
        if (total != null && total > 0) {
            long left = Math.max(0, total - read);
            text.append(String.format(Locale.CANADA_FRENCH, "  %d %% de ~%,d", Math.min(100, read * 100 / total), total));
            if (rate > 0) {
                text.append("  reste ~").append(clock(left / rate));
            }
        }
        return text.toString();
    }

    /**
     * What the step has to read when it can be known before it ends: an import step's rows (the lines of its files
     * after the header, counted once; a quoted line break makes it a slight over-estimate). Unknown otherwise.
     */
    private Long total(JobExecution job, StepExecution step) {
        if (!step.getStepName().startsWith(IMPORT_STEP) || !(job.getExecutionContext().get(ImportManifest.CONTEXT_KEY) instanceof ImportManifest manifest)) {
            return null;
        }
        return totals.computeIfAbsent(step.getId(), id -> {
            try {
                FileKind kind = FileKind.fromId(step.getStepName().substring(IMPORT_STEP.length()));
                long rows = 0;
                for (InboxFile file : manifest.filesOf(kind)) {
                    rows += Math.max(0, lineCount(Path.of(file.path())) - (file.firstDataLine() - 1));
                }
                return rows;
            } catch (IOException | RuntimeException unknown) {
                return -1L;
            }
        });
    }

    static long lineCount(Path file) throws IOException {
        long lines = 0;
        int last = '\n';
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                last = buffer[n - 1];
            }
        }
        return last == '\n' ? lines : lines + 1;
    }

    private void draw(List<String> lines) {
        if (!terminal) {
            lines.forEach(line -> out.println("progression : " + line));
            out.flush();
            return;
        }
        erase();
        lines.forEach(line -> out.print(line + "\033[K\n"));
        drawnLines = lines.size();
        out.flush();
    }

    /** On a terminal: takes the live lines away (cursor up, clear), so the summary prints where they were. */
    private void erase() {
        if (terminal && drawnLines > 0) {
            out.print(("\033[1A\033[2K").repeat(drawnLines) + "\r");
            out.flush();
            drawnLines = 0;
        }
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }
}
