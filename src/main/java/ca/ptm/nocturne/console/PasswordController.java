package ca.ptm.nocturne.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Mot de passe: a logged-in user changes their own password. After an admin's reset the user is sent here before
 * any other page until they have chosen a new one; a user disabled while logged in is logged out at the next page.
 */
@Controller
@ConditionalOnWebApplication
public class PasswordController implements WebMvcConfigurer {

    private final ConsoleUsers users;
    private final ConsoleAudit audit;

    public PasswordController(ConsoleUsers users, ConsoleAudit audit) {
        this.users = users;
        this.audit = audit;
    }

    @GetMapping("/password")
    public String form(Principal principal, Model model) {
        model.addAttribute("forced", users.mustChangePassword(principal.getName()));
        model.addAttribute("minLength", ConsoleProperties.MIN_PASSWORD_LENGTH);
        return "console/password";
    }

    @PostMapping("/password")
    public String change(@RequestParam String password, @RequestParam String confirmation, Principal principal,
                         RedirectAttributes redirect) {
        try {
            if (!password.equals(confirmation)) {
                throw new IllegalArgumentException("Les deux mots de passe diffèrent.");
            }
            users.changeOwnPassword(principal.getName(), password);
            audit.record(principal.getName(), "CHANGE_PASSWORD", null, ConsoleAudit.DONE, "Mot de passe changé.");
            redirect.addFlashAttribute("notice", "Mot de passe changé.");
            return "redirect:/";
        } catch (IllegalArgumentException refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
            return "redirect:/password";
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
                Principal principal = request.getUserPrincipal();
                if (principal == null) {
                    return true;
                }
                var user = users.find(principal.getName());
                if (user.isPresent() && !user.get().enabled()) {
                    // disabled by an admin since this session began: out now, not at the session's end
                    SecurityContextHolder.clearContext();
                    if (request.getSession(false) != null) {
                        request.getSession(false).invalidate();
                    }
                    response.sendRedirect(request.getContextPath() + "/login");
                    return false;
                }
                if (user.isPresent() && users.mustChangePassword(principal.getName())) {
                    response.sendRedirect(request.getContextPath() + "/password");
                    return false;
                }
                return true;
            }
        }).excludePathPatterns("/password", "/login", "/logout", "/error", "/denied", "/console/**");
    }
}
