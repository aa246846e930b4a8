package ca.ptm.nocturne.console;

import java.security.Principal;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Utilisateurs (ADMIN only): the console's users, and a form to add one (ADMIN or VIEWER). */
@Controller
@ConditionalOnWebApplication
public class UsersController {

    private final ConsoleUsers users;
    private final ConsoleAudit audit;

    public UsersController(ConsoleUsers users, ConsoleAudit audit) {
        this.users = users;
        this.audit = audit;
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
}
