package ca.ptm.nocturne.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * Who may see and do what, whenever Nocturne runs a web server ({@code serve}, {@code console}): a French form login
 * against console_user (bcrypt), ADMIN may act, VIEWER may only read, CSRF on every POST, and a strict
 * Content-Security-Policy (everything is served by Nocturne itself, no inline script or style). Logins are
 * throttled ({@link LoginThrottle}); the session cookie is SameSite=Lax (application.yml) and Secure whenever the
 * request came over HTTPS (behind a reverse proxy: server.forward-headers-strategy=native, see the README).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class ConsoleSecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    @Bean
    SecurityFilterChain consoleSecurityFilterChain(HttpSecurity http, UserDetailsService consoleUserDetailsService,
                                                   PasswordEncoder consolePasswordEncoder, LoginThrottle throttle,
                                                   ConsoleUsers users) throws Exception {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(consoleUserDetailsService);
        passwords.setPasswordEncoder(consolePasswordEncoder);
        // Its own manager without a parent: a refused attempt is never tried again by the global one.
        http.authenticationManager(new ProviderManager(new ThrottledAuthentication(passwords, throttle)));
        SavedRequestAwareAuthenticationSuccessHandler toTheAskedPage = new SavedRequestAwareAuthenticationSuccessHandler();
        toTheAskedPage.setDefaultTargetUrl("/");
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/console/**", "/login", "/error", "/favicon.ico").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actions/**", "/users/**", "/pda/actions/**").hasRole(ConsoleUsers.ADMIN)
                        .requestMatchers(HttpMethod.POST, "/rejects/**").hasRole(ConsoleUsers.ADMIN)
                        .requestMatchers(HttpMethod.POST, "/alerts/**").hasRole(ConsoleUsers.ADMIN)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .successHandler((request, response, authentication) -> {
                            if (users.mustChangePassword(authentication.getName())) {
                                response.sendRedirect(request.getContextPath() + "/password");
                            } else {
                                toTheAskedPage.onAuthenticationSuccess(request, response, authentication);
                            }
                        })
                        // the same page for a wrong password, an unknown or disabled name; "locked" for any locked name
                        .failureHandler((request, response, exception) -> response.sendRedirect(request.getContextPath()
                                + (exception instanceof LockedException ? "/login?locked" : "/login?error")))
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .exceptionHandling(errors -> errors.accessDeniedPage("/denied"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    @Bean
    PasswordEncoder consolePasswordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    UserDetailsService consoleUserDetailsService(ConsoleUsers users) {
        return username -> users.find(username)
                .map(user -> User.withUsername(user.username()).password(user.passwordHash()).roles(user.role())
                        .disabled(!user.enabled()).build())
                .orElseThrow(() -> new UsernameNotFoundException("Utilisateur inconnu"));
    }
}
