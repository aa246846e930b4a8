package ca.ptm.nocturne.console;

import ca.ptm.nocturne.operations.OperationRefusedException;
import ca.ptm.nocturne.reconciliation.PdaBilling;
import ca.ptm.nocturne.reconciliation.PdaReview;
import ca.ptm.nocturne.reports.pda.BillingMonth;
import ca.ptm.nocturne.shared.time.BusinessTime;
import java.security.Principal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * « Place des Arts »: the latest reconciliation's anomalies by kind (with the candidates and scores of the matches to
 * review), the month to bill, and the staff's actions. Every action (ADMIN only, see the security configuration)
 * goes through a confirmation page, is written to console_audit with its outcome, and ends on the result page (POST,
 * redirect, GET), like the run actions.
 */
@Controller
@ConditionalOnWebApplication
public class PdaController {

    static final String BILL = "PDA_BILL";
    static final String LINK = "PDA_LINK";
    static final String DISMISS = "PDA_DISMISS";
    static final String ACCEPT = "PDA_ACCEPT";

    private static final Logger log = LoggerFactory.getLogger(PdaController.class);

    private final PdaReview review;
    private final PdaBilling billing;
    private final ConsoleAudit audit;

    public PdaController(PdaReview review, PdaBilling billing, ConsoleAudit audit) {
        this.review = review;
        this.billing = billing;
        this.audit = audit;
    }

    @GetMapping("/pda")
    public String page(@RequestParam(name = "month", required = false) String month, Model model) {
        YearMonth billed = month == null || month.isBlank() ? BillingMonth.of(BusinessTime.system().today()) : monthOrBadRequest(month);
        model.addAttribute("latest", review.latest().orElse(null));
        model.addAttribute("month", billed.toString());
        model.addAttribute("preview", billing.preview(billed));
        return "console/pda";
    }

    @GetMapping("/pda/actions/bill")
    public String confirmBill(@RequestParam String month, Model model) {
        YearMonth billed = monthOrBadRequest(month);
        PdaBilling.Result preview = billing.preview(billed);
        return confirm(model, "Facturer la Place des Arts — " + preview.monthLabel(),
                "Chaque demande complétée de " + preview.monthLabel() + " (date du rendez-vous) passe à « Facturé », avec la date, "
                        + "votre nom et une ligne d'historique, en une seule transaction. Une demande non complétée n'est jamais facturée.",
                "run pda-bill --month=" + billed + " --by=NOM", "/pda/actions/bill", Map.of("month", billed.toString()), false, preview, false);
    }

    @PostMapping("/pda/actions/bill")
    public String bill(@RequestParam String month, @RequestParam(name = "confirm", required = false) String confirm, Principal principal,
                       Model model) {
        if (!confirmed(confirm)) {
            confirmBill(month, model);
            model.addAttribute("missingConfirmation", true);
            return "console/pda-confirm";
        }
        return act(principal, BILL, () -> {
            PdaBilling.Result result = billing.bill(monthOrRefused(month), principal.getName());
            return result.lines().isEmpty() ? "Place des Arts, " + result.monthLabel() + " : aucune demande complétée à facturer (rien n'a changé)."
                    : "Place des Arts, " + result.monthLabel() + " : " + result.lines().size() + " demande(s) facturée(s), total "
                            + ca.ptm.nocturne.reports.format.FrenchFormat.money(result.total()) + ".";
        });
    }

    @GetMapping("/pda/actions/link")
    public String confirmLink(@RequestParam long request, @RequestParam String appointment, Model model) {
        return confirm(model, "Lier la demande n° " + request + " au rendez-vous " + appointment,
                "Le lien fait à la main remplace celui du calcul de correspondance et n'est plus jamais changé par les nuits suivantes.",
                null, "/pda/actions/link", Map.of("request", String.valueOf(request), "appointment", appointment), false, null, false);
    }

    @PostMapping("/pda/actions/link")
    public String link(@RequestParam long request, @RequestParam String appointment,
                       @RequestParam(name = "confirm", required = false) String confirm, Principal principal, Model model) {
        if (!confirmed(confirm)) {
            confirmLink(request, appointment, model);
            model.addAttribute("missingConfirmation", true);
            return "console/pda-confirm";
        }
        return act(principal, LINK, () -> review.link(request, appointment, principal.getName()));
    }

    @GetMapping("/pda/actions/dismiss")
    public String confirmDismiss(@RequestParam String appointment, Model model) {
        return confirm(model, "Écarter le rendez-vous orphelin " + appointment,
                "Ce rendez-vous Gazelle n'a pas de demande Place des Arts ; écarté, il n'est plus signalé. La raison est obligatoire.",
                null, "/pda/actions/dismiss", Map.of("appointment", appointment), true, null, true);
    }

    @PostMapping("/pda/actions/dismiss")
    public String dismiss(@RequestParam String appointment, @RequestParam(name = "reason", required = false) String reason,
                          @RequestParam(name = "confirm", required = false) String confirm, Principal principal, Model model) {
        if (!confirmed(confirm)) {
            confirmDismiss(appointment, model);
            model.addAttribute("missingConfirmation", true);
            return "console/pda-confirm";
        }
        return act(principal, DISMISS, () -> review.dismiss(appointment, reason, principal.getName()));
    }

    @GetMapping("/pda/actions/accept")
    public String confirmAccept(@RequestParam long anomaly, Model model) {
        PdaReview.Item item = review.anomaly(anomaly)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Aucune anomalie n° " + anomaly + "."));
        return confirm(model, "Accepter l'écart de la demande n° " + item.requestId(), item.message()
                        + " Accepté, cet écart n'est plus signalé tant que la valeur de Gazelle reste la même.",
                null, "/pda/actions/accept", Map.of("anomaly", String.valueOf(anomaly)), true, null, false);
    }

    @PostMapping("/pda/actions/accept")
    public String accept(@RequestParam long anomaly, @RequestParam(name = "reason", required = false) String reason,
                         @RequestParam(name = "confirm", required = false) String confirm, Principal principal, Model model) {
        if (!confirmed(confirm)) {
            confirmAccept(anomaly, model);
            model.addAttribute("missingConfirmation", true);
            return "console/pda-confirm";
        }
        return act(principal, ACCEPT, () -> review.accept(anomaly, reason, principal.getName()));
    }

    /** Runs the action, records it (done, refused with the reason, or failed) and shows the result page. */
    private String act(Principal principal, String action, Supplier<String> work) {
        long id;
        try {
            id = audit.record(principal.getName(), action, null, ConsoleAudit.DONE, work.get());
        } catch (OperationRefusedException refused) {
            id = audit.record(principal.getName(), action, null, ConsoleAudit.REFUSED, refused.getMessage());
        } catch (RuntimeException e) {
            log.error("Console action {} failed", action, e);
            id = audit.record(principal.getName(), action, null, ConsoleAudit.FAILED, "Échec : " + e.getMessage());
        }
        return "redirect:/actions/result/" + id;
    }

    private static String confirm(Model model, String title, String explanation, String command, String formAction,
                                  Map<String, String> fields, boolean withReason, PdaBilling.Result preview, boolean reasonRequired) {
        model.addAttribute("title", title);
        model.addAttribute("explanation", explanation);
        model.addAttribute("command", command);
        model.addAttribute("formAction", formAction);
        model.addAttribute("fields", new LinkedHashMap<>(fields));
        model.addAttribute("withReason", withReason);
        model.addAttribute("reasonRequired", reasonRequired);
        model.addAttribute("preview", preview);
        model.addAttribute("missingConfirmation", false);
        return "console/pda-confirm";
    }

    private static boolean confirmed(String confirm) {
        return confirm != null && (confirm.equals("on") || confirm.equals("true") || confirm.equals("oui"));
    }

    private static YearMonth monthOrBadRequest(String month) {
        try {
            return PdaBilling.month(month);
        } catch (OperationRefusedException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    private static YearMonth monthOrRefused(String month) {
        return PdaBilling.month(month);
    }
}
