package ca.ptm.nocturne.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;

/** Login, roles, CSRF, and the first admin. */
@ConsoleIntegrationTest
class ConsoleSecurityIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JobLaunches launches;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    ConsoleUsers users;
    @Autowired
    SecurityFilterChain chain;

    @BeforeEach
    void clean() {
        TestDatabase.clean(jdbc);
        jdbc.update("DELETE FROM console_audit");
        if (users.find("lecteur").isEmpty()) {
            users.create("lecteur", "lecture-seule-2026", ConsoleUsers.VIEWER);
        }
    }

    @AfterEach
    void restore() {
        ConsoleRuns.restoreColumn(jdbc);
    }

    @Test
    void anonymousVisitorsAreSentToTheFrenchLoginPage() throws Exception {
        for (String page : new String[] {"/", "/rejects", "/executions/1", "/activity", "/api/progress", "/rejects/export.csv"}) {
            mvc.perform(get(page)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        }
        String login = mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", ConsoleSecurityConfiguration.CONTENT_SECURITY_POLICY))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(login).contains("Connexion").contains("Nom d&#39;utilisateur").contains("Mot de passe")
                .contains("name=\"_csrf\"").doesNotContain("Aucun utilisateur");
        mvc.perform(get("/console/console.css")).andExpect(status().isOk());
        mvc.perform(get("/console/console.js")).andExpect(status().isOk());
    }

    @Test
    void theFirstAdminComesFromThePropertiesWithABcryptHashAndCanLogIn() throws Exception {
        String hash = jdbc.queryForObject("SELECT password_hash FROM console_user WHERE username = ?", String.class, ConsoleIntegrationTest.ADMIN);
        assertThat(hash).startsWith("$2").doesNotContain(ConsoleIntegrationTest.ADMIN_PASSWORD);
        assertThat(jdbc.queryForObject("SELECT role FROM console_user WHERE username = ?", String.class, ConsoleIntegrationTest.ADMIN))
                .isEqualTo("ADMIN");

        mvc.perform(formLogin("/login").user(ConsoleIntegrationTest.ADMIN).password(ConsoleIntegrationTest.ADMIN_PASSWORD))
                .andExpect(authenticated().withRoles("ADMIN")).andExpect(redirectedUrlPattern("/**"));
        mvc.perform(formLogin("/login").user(ConsoleIntegrationTest.ADMIN).password("admin"))
                .andExpect(unauthenticated()).andExpect(redirectedUrlPattern("/login?error*"));
        mvc.perform(formLogin("/login").user("admin").password("admin")).andExpect(unauthenticated());
        mvc.perform(formLogin("/login").user("lecteur").password("lecture-seule-2026")).andExpect(authenticated().withRoles("VIEWER"));
    }

    @Test
    void aViewerReadsButCannotRestartStopOrResolve() throws Exception {
        JobExecution failed = ConsoleRuns.failedSync(launches, jdbc);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        var viewer = user("lecteur").roles("VIEWER");

        String page = mvc.perform(get("/executions/" + failed.getId()).with(viewer)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Lecture seule").doesNotContain("/actions/restart/");
        mvc.perform(get("/actions/restart/" + failed.getId()).with(viewer)).andExpect(status().isForbidden());
        String denied = mvc.perform(post("/actions/restart/" + failed.getId()).param("confirm", "on").with(viewer).with(csrf()))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(denied).as("MockMvc does not follow the forward to /denied").isEmpty();
        mvc.perform(post("/actions/run/import").param("confirm", "on").with(viewer).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/users").with(viewer)).andExpect(status().isForbidden());
        assertThat(jobRepository.getJobExecutions(failed.getJobInstance())).hasSize(1);
        assertThat(TestDatabase.count(jdbc, "console_audit")).isZero();
    }

    @Test
    void aPostWithoutItsCsrfTokenIsRefusedEvenForAnAdmin() throws Exception {
        JobExecution failed = ConsoleRuns.failedSync(launches, jdbc);
        var admin = user(ConsoleIntegrationTest.ADMIN).roles("ADMIN");

        mvc.perform(post("/actions/abandon/" + failed.getId()).param("confirm", "on").with(admin)).andExpect(status().isForbidden());
        mvc.perform(post("/actions/abandon/" + failed.getId()).param("confirm", "on").with(admin).with(csrf().useInvalidToken()))
                .andExpect(status().isForbidden());
        assertThat(launches.existing(failed.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
        mvc.perform(post("/logout")).andExpect(status().isForbidden());

        mvc.perform(post("/actions/abandon/" + failed.getId()).param("confirm", "on").with(admin).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(launches.existing(failed.getId()).getStatus()).isEqualTo(BatchStatus.ABANDONED);
    }

    @Test
    void anAdminAddsAViewerWithAHashedPasswordAndShortPasswordsAreRefused() throws Exception {
        var admin = user(ConsoleIntegrationTest.ADMIN).roles("ADMIN");
        mvc.perform(post("/users").param("username", "technicien").param("password", "court").param("role", "VIEWER").with(admin).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(users.find("technicien")).isEmpty();
        mvc.perform(post("/users").param("username", "technicien").param("password", "un-mot-de-passe-long").param("role", "VIEWER")
                .with(admin).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(users.find("technicien")).hasValueSatisfying(u -> {
            assertThat(u.role()).isEqualTo("VIEWER");
            assertThat(u.passwordHash()).startsWith("$2");
        });
        assertThat(mvc.perform(get("/users").with(admin)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("technicien").contains("Lecture seule");
        jdbc.update("DELETE FROM console_user WHERE username = 'technicien'");
    }

    @Test
    void theSecurityFilterChainIsTheConsoles() {
        assertThat(chain).isNotNull();
        assertThat(Path.of("src/main/resources/db/migration/V9__console.sql")).exists();
    }
}
