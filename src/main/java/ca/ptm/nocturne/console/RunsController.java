package ca.ptm.nocturne.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Nuits (the runs, newest first), one execution in full, its reports, and the console's activity log. */
@Controller
@ConditionalOnWebApplication
public class RunsController {

    private final RunQueries runs;
    private final ActionAvailability availability;
    private final ReportFiles reports;
    private final ConsoleAudit audit;
    private final ConsoleProperties properties;

    public RunsController(RunQueries runs, ActionAvailability availability, ReportFiles reports, ConsoleAudit audit,
                          ConsoleProperties properties) {
        this.runs = runs;
        this.availability = availability;
        this.reports = reports;
        this.audit = audit;
        this.properties = properties;
    }

    /** The step of an execution as its table row shows it. */
    public record StepRow(StepExecution step, String summary) {
    }

    @GetMapping("/")
    public String nights(@RequestParam(name = "job", required = false) String job, Model model) {
        String shown = job == null || job.isBlank() ? RunQueries.JOBS.get(0) : job;
        if (!shown.equals("all") && !RunQueries.JOBS.contains(shown)) {
            shown = RunQueries.JOBS.get(0);
        }
        List<RunSummary> list = runs.latest(shown.equals("all") ? null : shown, properties.nightsShown()).stream()
                .map(runs::summarize).toList();
        model.addAttribute("job", shown);
        model.addAttribute("jobs", RunQueries.JOBS);
        model.addAttribute("runs", list);
        model.addAttribute("running", runs.running());
        model.addAttribute("stages", availability.forStages());
        return "console/nights";
    }

    @GetMapping("/executions/{id}")
    public String execution(@PathVariable long id, Model model) {
        JobExecution execution = existing(id);
        model.addAttribute("run", runs.summarize(execution));
        model.addAttribute("execution", execution);
        model.addAttribute("parameters", execution.getJobParameters().parameters().stream()
                .sorted(Comparator.comparing(JobParameter::name)).toList());
        model.addAttribute("steps", execution.getStepExecutions().stream().sorted(Comparator.comparing(StepExecution::getId))
                .map(s -> new StepRow(s, runs.summarizeStep(s))).toList());
        model.addAttribute("checks", runs.countChecks(id));
        model.addAttribute("batches", runs.importBatches(execution));
        model.addAttribute("rejectCount", runs.rejectCount(execution));
        model.addAttribute("syncRejects", runs.syncRejects(id, 50));
        model.addAttribute("syncRejectCount", runs.syncRejectCount(id));
        model.addAttribute("reports", reports.of(execution));
        model.addAttribute("history", runs.instanceHistory(execution));
        model.addAttribute("actions", availability.forExecution(execution));
        model.addAttribute("audit", audit.ofExecution(id));
        return "console/execution";
    }

    /** The latest execution of the same instance: where a restart's result page sends the admin. */
    @GetMapping("/executions/{id}/latest")
    public String latest(@PathVariable long id) {
        List<JobExecution> history = runs.instanceHistory(existing(id));
        return "redirect:/executions/" + history.get(history.size() - 1).getId();
    }

    /** A report of this run, only a PDF or CSV inside the reports folder; anything else is refused (403). */
    @GetMapping("/executions/{id}/reports/{index}")
    public ResponseEntity<Resource> report(@PathVariable long id, @PathVariable int index) throws IOException {
        Optional<Path> file = reports.servable(existing(id), index);
        if (file.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Ce fichier n'est pas un rapport du dossier des rapports.");
        }
        Path path = file.get();
        MediaType type = "PDF".equals(ReportFiles.kind(path)) ? MediaType.APPLICATION_PDF
                : new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(type).contentLength(Files.size(path))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(String.valueOf(path.getFileName()), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(path));
    }

    @GetMapping("/activity")
    public String activity(Model model) {
        model.addAttribute("entries", audit.latest(200));
        return "console/activity";
    }

    private JobExecution existing(long id) {
        return runs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Aucune exécution n° " + id + "."));
    }
}
