package ca.ptm.nocturne.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/** What every console page knows: who is logged in, whether they may act, and the action running in the background. */
@ControllerAdvice(basePackageClasses = ConsoleModelAdvice.class)
@ConditionalOnWebApplication
public class ConsoleModelAdvice {

    private final ConsoleRunner runner;
    private final ConsoleProperties properties;

    public ConsoleModelAdvice(ConsoleRunner runner, ConsoleProperties properties) {
        this.runner = runner;
        this.properties = properties;
    }

    @ModelAttribute("currentUser")
    public String currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication instanceof AnonymousAuthenticationToken ? null : authentication.getName();
    }

    @ModelAttribute("admin")
    public boolean admin() {
        return isAdmin(SecurityContextHolder.getContext().getAuthentication());
    }

    @ModelAttribute("busy")
    public String busy() {
        return runner.current().orElse(null);
    }

    @ModelAttribute("pollMillis")
    public long pollMillis() {
        return properties.progressPollSeconds() * 1000L;
    }

    public static boolean isAdmin(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> ("ROLE_" + ConsoleUsers.ADMIN).equals(a.getAuthority()));
    }

    /** An unknown execution, a refused file: a French page with the status code. */
    @ExceptionHandler(ResponseStatusException.class)
    public ModelAndView error(ResponseStatusException e) {
        ModelAndView page = new ModelAndView("console/error");
        page.setStatus(e.getStatusCode());
        page.addObject("message", e.getReason());
        page.addObject("status", e.getStatusCode().value());
        page.addObject("currentUser", currentUser());
        page.addObject("admin", admin());
        return page;
    }
}
