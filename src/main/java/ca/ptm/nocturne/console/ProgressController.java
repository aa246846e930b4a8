package ca.ptm.nocturne.console;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The live progress the pages poll (console.js): per step, the items read and written so far. Spring Batch saves a
 * step's counts at each committed chunk, so these figures move chunk by chunk while a night runs.
 */
@RestController
@ConditionalOnWebApplication
public class ProgressController {

    private final RunQueries runs;
    private final ConsoleFormat format;
    private final ConsoleRunner runner;

    public ProgressController(RunQueries runs, ConsoleFormat format, ConsoleRunner runner) {
        this.runs = runs;
        this.format = format;
        this.runner = runner;
    }

    public record StepProgress(String name, String status, String label, String css, long read, long written, long skipped) {
    }

    public record ExecutionProgress(long id, String job, String status, String label, String css, boolean running,
                                    String started, String duration, List<StepProgress> steps) {
    }

    /** Every execution running now, and the console's background action if any. */
    @GetMapping("/api/progress")
    public Map<String, Object> running() {
        List<ExecutionProgress> executions = runs.running().stream().map(e -> runs.find(e.getId()).orElse(e)).map(this::progress).toList();
        return Map.of("busy", runner.current().orElse(""), "executions", executions);
    }

    @GetMapping("/api/executions/{id}/progress")
    public ExecutionProgress one(@PathVariable long id) {
        return progress(runs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    private ExecutionProgress progress(JobExecution execution) {
        List<StepProgress> steps = execution.getStepExecutions().stream().sorted(Comparator.comparing(StepExecution::getId))
                .map(s -> new StepProgress(s.getStepName(), s.getStatus().name(), format.status(s.getStatus()), format.css(s.getStatus()),
                        s.getReadCount(), s.getWriteCount(), s.getSkipCount()))
                .toList();
        return new ExecutionProgress(execution.getId(), execution.getJobInstance().getJobName(), execution.getStatus().name(),
                format.status(execution), format.css(execution), execution.isRunning(), format.seconds(execution.getStartTime()),
                format.duration(execution), steps);
    }
}
