package ca.ptm.nocturne.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The French login page (with how to create the first admin when there is none) and the "access denied" page. */
@Controller
@ConditionalOnWebApplication
public class LoginController {

    private final ConsoleUsers users;
    private final LoginProperties login;

    public LoginController(ConsoleUsers users, LoginProperties login) {
        this.users = users;
        this.login = login;
    }

    @GetMapping("/login")
    public String login(Model model) {
        boolean none = users.count() == 0;
        model.addAttribute("noUser", none);
        model.addAttribute("howTo", FirstAdmin.HOW_TO);
        model.addAttribute("lockMinutes", login.lockDuration().toMinutes());
        return "console/login";
    }

    /** Where Spring Security forwards a refused request (a VIEWER acting, a POST without its CSRF token). */
    @RequestMapping("/denied")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    public String denied() {
        return "console/denied";
    }
}
