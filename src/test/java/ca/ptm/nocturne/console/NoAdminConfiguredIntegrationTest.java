package ca.ptm.nocturne.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Without NOCTURNE_ADMIN_USERNAME / _PASSWORD: no user at all (never a default password), and the way to create one. */
@NocturneIntegrationTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class NoAdminConfiguredIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FirstAdmin firstAdmin;

    @Test
    void theConsoleStartsWithNoUserAndTheLoginPageSaysHowToCreateTheFirstAdmin(CapturedOutput output) throws Exception {
        assertThat(TestDatabase.count(jdbc, "console_user")).isZero();
        for (String[] guess : new String[][] {{"admin", "admin"}, {"admin", "password"}, {"admin", ""}, {"nocturne", "nocturne"}, {"user", "user"}}) {
            mvc.perform(formLogin("/login").user(guess[0]).password(guess[1])).andExpect(unauthenticated());
        }
        String login = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(login).contains("Aucun utilisateur").contains("NOCTURNE_ADMIN_USERNAME").contains("NOCTURNE_ADMIN_PASSWORD");

        firstAdmin.createIfNone();
        assertThat(output.getAll()).contains("NOCTURNE_ADMIN_USERNAME et NOCTURNE_ADMIN_PASSWORD");
        assertThat(TestDatabase.count(jdbc, "console_user")).isZero();
    }
}
