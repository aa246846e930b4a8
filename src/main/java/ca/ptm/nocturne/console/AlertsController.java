package ca.ptm.nocturne.console;

import ca.ptm.nocturne.maintenance.MaintenanceAlerts;
import ca.ptm.nocturne.operations.OperationRefusedException;
import java.security.Principal;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Alertes: the open maintenance alerts, each with a button (admins) that resolves it in the signed-in user's name. */
@Controller
@ConditionalOnWebApplication
public class AlertsController {

    private final MaintenanceAlerts alerts;

    public AlertsController(MaintenanceAlerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/alerts")
    public String list(Model model) {
        model.addAttribute("alerts", alerts.open());
        return "console/alerts";
    }

    /** Resolved once, audited in console_audit by MaintenanceAlerts.resolve like the command line's. */
    @PostMapping("/alerts/{id}/resolve")
    public String resolve(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        try {
            MaintenanceAlerts.Alert resolved = alerts.resolve(id, principal.getName());
            redirect.addFlashAttribute("notice", "Alerte n° " + id + " (" + resolved.kind().label() + ") résolue par "
                    + principal.getName() + ".");
        } catch (OperationRefusedException refused) {
            redirect.addFlashAttribute("notice", refused.getMessage());
        }
        return "redirect:/alerts";
    }
}
