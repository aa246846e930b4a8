package ca.ptm.nocturne.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may see and do what, whenever Nocturne runs a web server ({@code serve}, {@code console}): a French form login
 * against console_user (bcrypt), ADMIN may act, VIEWER may only read, CSRF on every POST, and a strict
 * Content-Security-Policy (everything is served by Nocturne itself, no inline script or style).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class ConsoleSecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    @Bean
    SecurityFilterChain consoleSecurityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/console/**", "/login", "/error", "/favicon.ico").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actions/**", "/users/**").hasRole(ConsoleUsers.ADMIN)
                        .requestMatchers(HttpMethod.POST, "/rejects/**").hasRole(ConsoleUsers.ADMIN)
                        .requestMatchers(HttpMethod.POST, "/alerts/**").hasRole(ConsoleUsers.ADMIN)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error").permitAll())
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
