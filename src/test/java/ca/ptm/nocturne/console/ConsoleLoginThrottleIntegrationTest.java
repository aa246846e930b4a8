package ca.ptm.nocturne.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Login throttling (5 consecutive failures per name lock it 15 minutes whatever the password, unknown names alike,
 * the source address slowed) and the ADMIN user pages (add, disable, reset with a forced change, change role, the
 * last active ADMIN kept), each written to console_audit, through the real security filter chain.
 */
@ConsoleIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ConsoleLoginThrottleIntegrationTest {

    static final String ADMIN = ConsoleIntegrationTest.ADMIN;
    static final String PASSWORD = ConsoleIntegrationTest.ADMIN_PASSWORD;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LoginThrottle throttle;
    @Autowired
    ConsoleUsers users;

    @BeforeEach
    @AfterEach
    void clean() {
        jdbc.update("DELETE FROM console_login_failure");
        throttle.forgetAddresses();
        jdbc.update("DELETE FROM console_audit");
        jdbc.update("DELETE FROM console_user WHERE username IN ('technicienne', 'second-admin')");
        jdbc.update("UPDATE console_user SET enabled = true, role = 'ADMIN', must_change_password = false WHERE username = ?", ADMIN);
    }

    @Test
    void fiveWrongPasswordsLockTheNameFor15MinutesWhateverThePassword(CapturedOutput output) throws Exception {
        for (int i = 1; i <= 4; i++) {
            mvc.perform(login(ADMIN, "mauvais-essai-" + i, "10.1.0.1")).andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(login(ADMIN, "mauvais-essai-5", "10.1.0.1")).andExpect(unauthenticated()).andExpect(redirectedUrl("/login?locked"));
        mvc.perform(login(ADMIN, PASSWORD, "10.1.0.2")).andExpect(unauthenticated()).andExpect(redirectedUrl("/login?locked"));

        assertThat(jdbc.queryForList("SELECT action || '/' || outcome || '/' || who FROM console_audit ORDER BY id", String.class))
                .containsExactly("LOGIN_FAILED/FAILED/allan", "LOGIN_FAILED/FAILED/allan", "LOGIN_FAILED/FAILED/allan",
                        "LOGIN_FAILED/FAILED/allan", "LOGIN_FAILED/FAILED/allan", "LOGIN_LOCKED/REFUSED/allan", "LOGIN_LOCKED/REFUSED/allan");
        Double minutes = jdbc.queryForObject("SELECT extract(epoch FROM locked_until - now()) / 60 FROM console_login_failure WHERE username = 'allan'",
                Double.class);
        assertThat(minutes).isBetween(14.0, 15.0);
        String page = mvc.perform(get("/login?locked")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("temporairement verrouillé").contains("15 minutes");
        List<String> messages = jdbc.queryForList("SELECT message FROM console_audit", String.class);
        assertThat(String.join("\n", messages) + output.getAll()).doesNotContain("mauvais-essai").doesNotContain(PASSWORD);
        assertThat(output.getAll()).contains("Console login failed for 'allan' from 10.1.0.1 (5 consecutive)")
                .contains("Console login for 'allan' locked for PT15M");

        // the lock ends after its 15 minutes: the right password works and clears the count
        jdbc.update("UPDATE console_login_failure SET locked_until = now() - interval '1 second'");
        mvc.perform(login(ADMIN, PASSWORD, "10.1.0.2")).andExpect(authenticated().withUsername(ADMIN));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM console_login_failure", Integer.class)).isZero();
    }

    @Test
    void aSuccessResetsTheCountSoOnlyConsecutiveFailuresLock() throws Exception {
        for (int i = 0; i < 4; i++) {
            mvc.perform(login(ADMIN, "faux-" + i, "10.2.0.1")).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(login(ADMIN, PASSWORD, "10.2.0.1")).andExpect(authenticated());
        for (int i = 0; i < 4; i++) {
            mvc.perform(login(ADMIN, "faux-" + i, "10.2.0.1")).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(login(ADMIN, PASSWORD, "10.2.0.1")).andExpect(authenticated());
    }

    @Test
    void anUnknownNameIsLockedTheSameWaySoALockRevealsNothing() throws Exception {
        for (int i = 1; i <= 4; i++) {
            mvc.perform(login("personne", "mot-de-passe-" + i, "10.3.0." + i)).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(login("personne", "mot-de-passe-5", "10.3.0.5")).andExpect(redirectedUrl("/login?locked"));
        mvc.perform(login("Personne ", "mot-de-passe-6", "10.3.0.6")).andExpect(redirectedUrl("/login?locked"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM console_audit WHERE who = 'personne' AND action = 'LOGIN_FAILED'", Integer.class))
                .isEqualTo(5);
    }

    @Test
    void oneAddressTryingManyNamesIsSlowedDown() throws Exception {
        for (int i = 1; i <= 5; i++) {
            mvc.perform(login("nom-" + i, "essai-essai-" + i, "10.4.0.1")).andExpect(redirectedUrl("/login?error"));
        }
        long start = System.nanoTime();
        mvc.perform(login("nom-6", "essai-essai-6", "10.4.0.1")).andExpect(redirectedUrl("/login?error"));
        long sixthMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        mvc.perform(login("nom-7", "essai-essai-7", "10.4.0.1")).andExpect(redirectedUrl("/login?error"));
        long seventhMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(sixthMillis).as("the sixth failure from the address waits 1 s").isGreaterThanOrEqualTo(1000);
        assertThat(seventhMillis).as("the seventh waits 2 s").isGreaterThanOrEqualTo(2000);
        start = System.nanoTime();
        mvc.perform(login(ADMIN, PASSWORD, "10.4.0.2")).andExpect(authenticated());
        assertThat((System.nanoTime() - start) / 1_000_000).as("another address is not slowed").isLessThan(1000);
    }

    @Test
    void anAdminAddsDisablesResetsAndChangesRolesEachAudited() throws Exception {
        RequestPostProcessor admin = user(ADMIN).roles("ADMIN");
        mvc.perform(post("/users").param("username", "technicienne").param("password", "accordage-2026-xyz").param("role", "VIEWER")
                .with(admin).with(csrf())).andExpect(redirectedUrl("/users"));
        mvc.perform(login("technicienne", "accordage-2026-xyz", "10.5.0.1")).andExpect(authenticated().withRoles("VIEWER"));

        mvc.perform(post("/users/disable").param("username", "technicienne").with(admin).with(csrf())).andExpect(redirectedUrl("/users"));
        assertThat(users.find("technicienne").orElseThrow().enabled()).isFalse();
        mvc.perform(login("technicienne", "accordage-2026-xyz", "10.5.0.1")).andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(post("/users/enable").param("username", "technicienne").with(admin).with(csrf())).andExpect(redirectedUrl("/users"));

        mvc.perform(post("/users/role").param("username", "technicienne").param("role", "ADMIN").with(admin).with(csrf()))
                .andExpect(redirectedUrl("/users"));
        assertThat(users.find("technicienne").orElseThrow().role()).isEqualTo("ADMIN");

        mvc.perform(post("/users/reset-password").param("username", "technicienne").param("password", "temporaire-2026-abc")
                .with(admin).with(csrf())).andExpect(redirectedUrl("/users"));
        assertThat(users.mustChangePassword("technicienne")).isTrue();
        mvc.perform(login("technicienne", "accordage-2026-xyz", "10.5.0.1")).andExpect(unauthenticated());
        MvcResult logged = mvc.perform(login("technicienne", "temporaire-2026-abc", "10.5.0.1")).andExpect(authenticated())
                .andExpect(redirectedUrl("/password")).andReturn();
        MockHttpSession session = (MockHttpSession) logged.getRequest().getSession(false);
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/password"));
        mvc.perform(get("/users").session(session)).andExpect(redirectedUrl("/password"));
        assertThat(mvc.perform(get("/password").session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("Un administrateur a réinitialisé votre mot de passe");
        mvc.perform(post("/password").param("password", "temporaire-2026-abc").param("confirmation", "temporaire-2026-abc")
                .session(session).with(csrf())).andExpect(redirectedUrl("/password"));
        mvc.perform(post("/password").param("password", "nouveau-2026-def").param("confirmation", "nouveau-2026-def")
                .session(session).with(csrf())).andExpect(redirectedUrl("/"));
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        assertThat(users.mustChangePassword("technicienne")).isFalse();

        String page = mvc.perform(get("/users").with(admin)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("technicienne").contains("Désactiver").contains("Réinitialiser");
        assertThat(jdbc.queryForList("SELECT action || '/' || outcome || '/' || who FROM console_audit WHERE action NOT LIKE 'LOGIN%' ORDER BY id",
                String.class)).containsExactly("ADD_USER/DONE/allan", "DISABLE_USER/DONE/allan", "ENABLE_USER/DONE/allan",
                "CHANGE_ROLE/DONE/allan", "RESET_PASSWORD/DONE/allan", "CHANGE_PASSWORD/DONE/technicienne");
        assertThat(String.join("\n", jdbc.queryForList("SELECT message FROM console_audit", String.class)))
                .doesNotContain("temporaire-2026-abc").doesNotContain("nouveau-2026-def").doesNotContain("accordage-2026-xyz");
    }

    @Test
    void theLastActiveAdminCannotBeDisabledNorMadeViewer() throws Exception {
        RequestPostProcessor admin = user(ADMIN).roles("ADMIN");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM console_user WHERE role = 'ADMIN' AND enabled", Integer.class)).isEqualTo(1);
        mvc.perform(post("/users/disable").param("username", ADMIN).with(admin).with(csrf())).andExpect(redirectedUrl("/users"))
                .andExpect(result -> assertThat(String.valueOf(result.getFlashMap().get("problem"))).contains("dernier administrateur actif"));
        mvc.perform(post("/users/role").param("username", ADMIN).param("role", "VIEWER").with(admin).with(csrf()))
                .andExpect(redirectedUrl("/users"));
        assertThat(users.find(ADMIN).orElseThrow()).satisfies(u -> {
            assertThat(u.enabled()).isTrue();
            assertThat(u.role()).isEqualTo("ADMIN");
        });
        assertThat(jdbc.queryForList("SELECT action || '/' || outcome FROM console_audit ORDER BY id", String.class))
                .containsExactly("DISABLE_USER/REFUSED", "CHANGE_ROLE/REFUSED");

        // with a second active admin, the first can be disabled, and is logged out at its next page
        users.create("second-admin", "deuxieme-admin-2026", ConsoleUsers.ADMIN);
        MockHttpSession session = (MockHttpSession) mvc.perform(login(ADMIN, PASSWORD, "10.6.0.1")).andExpect(authenticated())
                .andReturn().getRequest().getSession(false);
        mvc.perform(post("/users/disable").param("username", ADMIN).with(user("second-admin").roles("ADMIN")).with(csrf()))
                .andExpect(redirectedUrl("/users"));
        assertThat(users.find(ADMIN).orElseThrow().enabled()).isFalse();
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/")).andExpect(redirectedUrl("/login"));
    }

    private static org.springframework.test.web.servlet.RequestBuilder login(String name, String password, String address) {
        return post("/login").param("username", name).param("password", password).with(csrf()).with(request -> {
            request.setRemoteAddr(address);
            return request;
        });
    }
}
