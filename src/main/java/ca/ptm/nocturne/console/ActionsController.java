package ca.ptm.nocturne.console;

import java.security.Principal;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Every action goes through a confirmation page (a form with a "je confirme" checkbox and the CSRF token; no
 * JavaScript needed), then {@link ConsoleActions}, then a result page read back from console_audit (POST, redirect,
 * GET: reloading the result never repeats the action). ADMIN only (see the security configuration).
 */
@Controller
@ConditionalOnWebApplication
public class ActionsController {

    private final ConsoleActions actions;
    private final ActionAvailability availability;
    private final RunQueries runs;
    private final ConsoleAudit audit;

    public ActionsController(ConsoleActions actions, ActionAvailability availability, RunQueries runs, ConsoleAudit audit) {
        this.actions = actions;
        this.availability = availability;
        this.runs = runs;
        this.audit = audit;
    }

    @GetMapping("/actions/run/{stage}")
    public String confirmStage(@PathVariable String stage, Model model) {
        ConsoleAction action = stage(stage);
        return confirmPage(model, action, null, availability.of(action, null), false);
    }

    @PostMapping("/actions/run/{stage}")
    public String runStage(@PathVariable String stage, @RequestParam(name = "confirm", required = false) String confirm,
                           Principal principal, Model model) {
        ConsoleAction action = stage(stage);
        if (!confirmed(confirm)) {
            return confirmPage(model, action, null, availability.of(action, null), true);
        }
        return "redirect:/actions/result/" + actions.runStage(action, principal.getName());
    }

    @GetMapping("/actions/result/{auditId}")
    public String result(@PathVariable long auditId, Model model) {
        ConsoleAudit.Entry entry = audit.find(auditId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Aucune action n° " + auditId + "."));
        model.addAttribute("entry", entry);
        model.addAttribute("actionLabel", ConsoleAction.labelOf(entry.action()));
        return "console/result";
    }

    @GetMapping("/actions/{slug}/{id}")
    public String confirmOnExecution(@PathVariable String slug, @PathVariable long id, Model model) {
        ConsoleAction action = onExecution(slug);
        JobExecution execution = existing(id);
        return confirmPage(model, action, execution, availability.of(action, execution), false);
    }

    @PostMapping("/actions/{slug}/{id}")
    public String actOnExecution(@PathVariable String slug, @PathVariable long id,
                                 @RequestParam(name = "confirm", required = false) String confirm, Principal principal, Model model) {
        ConsoleAction action = onExecution(slug);
        if (!confirmed(confirm)) {
            JobExecution execution = existing(id);
            return confirmPage(model, action, execution, availability.of(action, execution), true);
        }
        return "redirect:/actions/result/" + actions.onExecution(action, id, principal.getName());
    }

    private String confirmPage(Model model, ConsoleAction action, JobExecution execution, Availability allowed, boolean missingConfirmation) {
        model.addAttribute("action", action);
        model.addAttribute("execution", execution);
        model.addAttribute("run", execution == null ? null : runs.summarize(execution));
        model.addAttribute("availability", allowed);
        model.addAttribute("missingConfirmation", missingConfirmation);
        model.addAttribute("formAction", execution == null ? "/actions/run/" + action.slug() : "/actions/" + action.slug() + "/" + execution.getId());
        return "console/confirm";
    }

    private static boolean confirmed(String confirm) {
        return confirm != null && (confirm.equals("on") || confirm.equals("true") || confirm.equals("oui"));
    }

    private static ConsoleAction stage(String slug) {
        return ConsoleAction.stage(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Action inconnue : « " + slug + " »."));
    }

    private static ConsoleAction onExecution(String slug) {
        return ConsoleAction.onExecution(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Action inconnue : « " + slug + " »."));
    }

    private JobExecution existing(long id) {
        return runs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Aucune exécution n° " + id + "."));
    }
}
