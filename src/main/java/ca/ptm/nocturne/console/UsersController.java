package ca.ptm.nocturne.console;

import java.security.Principal;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Utilisateurs (ADMIN only): the console's users; add one (ADMIN or VIEWER), disable or re-enable one, reset a
 * password (its user must change it at the next login), change a role. Each action is written to console_audit,
 * refused ones too (the last active ADMIN cannot be disabled nor made VIEWER).
 */
@Controller
@ConditionalOnWebApplication
public class UsersController {

    private final ConsoleUsers users;
    private final ConsoleAudit audit;
    private final LoginThrottle throttle;

    public UsersController(ConsoleUsers users, ConsoleAudit audit, LoginThrottle throttle) {
        this.users = users;
        this.audit = audit;
        this.throttle = throttle;
    }

    @GetMapping("/users")
    public String list(Model model) {
        model.addAttribute("users", users.list());
        model.addAttribute("minLength", ConsoleProperties.MIN_PASSWORD_LENGTH);
        return "console/users";
    }

    @PostMapping("/users")
    public String add(@RequestParam String username, @RequestParam String password, @RequestParam String role,
                      Principal principal, RedirectAttributes redirect) {
        try {
            users.create(username, password, role);
            audit.record(principal.getName(), "ADD_USER", null, ConsoleAudit.DONE, "Utilisateur « " + username.strip() + " » (" + role + ") créé.");
            redirect.addFlashAttribute("notice", "Utilisateur « " + username.strip() + " » créé.");
        } catch (IllegalArgumentException refused) {
            audit.record(principal.getName(), "ADD_USER", null, ConsoleAudit.REFUSED, refused.getMessage());
            redirect.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:/users";
    }

    @PostMapping("/users/disable")
    public String disable(@RequestParam String username, Principal principal, RedirectAttributes redirect) {
        return act(principal, redirect, "DISABLE_USER", username, () -> users.setEnabled(username, false),
                "Utilisateur « " + username + " » désactivé : il ne peut plus se connecter.");
    }

    @PostMapping("/users/enable")
    public String enable(@RequestParam String username, Principal principal, RedirectAttributes redirect) {
        return act(principal, redirect, "ENABLE_USER", username, () -> users.setEnabled(username, true),
                "Utilisateur « " + username + " » réactivé.");
    }

    @PostMapping("/users/reset-password")
    public String resetPassword(@RequestParam String username, @RequestParam String password, Principal principal,
                                RedirectAttributes redirect) {
        return act(principal, redirect, "RESET_PASSWORD", username, () -> {
            users.resetPassword(username, password);
            throttle.unlock(username);
        }, "Mot de passe de « " + username + " » réinitialisé : il devra le changer à sa prochaine connexion.");
    }

    @PostMapping("/users/role")
    public String changeRole(@RequestParam String username, @RequestParam String role, Principal principal,
                             RedirectAttributes redirect) {
        return act(principal, redirect, "CHANGE_ROLE", username, () -> users.changeRole(username, role),
                "Rôle de « " + username + " » : " + (ConsoleUsers.ADMIN.equals(role) ? "administrateur" : "lecture seule")
                        + " (à sa prochaine connexion).");
    }

    private String act(Principal principal, RedirectAttributes redirect, String action, String username, Runnable change, String done) {
        try {
            change.run();
            audit.record(principal.getName(), action, null, ConsoleAudit.DONE, done);
            redirect.addFlashAttribute("notice", done);
        } catch (IllegalArgumentException refused) {
            audit.record(principal.getName(), action, null, ConsoleAudit.REFUSED, "« " + username + " » : " + refused.getMessage());
            redirect.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:/users";
    }
}
