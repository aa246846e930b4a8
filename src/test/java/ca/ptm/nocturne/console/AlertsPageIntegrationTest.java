package ca.ptm.nocturne.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.ptm.nocturne.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Alertes: the open maintenance alerts, resolved by an admin's button, audited; a viewer sees them but may not. */
@ConsoleIntegrationTest
class AlertsPageIntegrationTest {

    static final RequestPostProcessor ADMIN = user(ConsoleIntegrationTest.ADMIN).roles("ADMIN");
    static final RequestPostProcessor VIEWER = user("lecteur").roles("VIEWER");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void clean() {
        TestDatabase.clean(jdbc);
        jdbc.update("DELETE FROM console_audit");
        jdbc.update("""
                INSERT INTO maintenance_alert (timeline_external_id, piano_external_id, client_external_id, alert_type,
                    description, observed_at, observed_on)
                VALUES ('tme_1', 'ins_1', 'cli_1', 'housse', 'Piano laissé sans housse', '2025-11-03 14:10Z', '2025-11-03'),
                       ('tme_2', 'ins_1', 'cli_1', 'reservoir', 'Réservoir vide', '2025-11-04 14:10Z', '2025-11-04')""");
    }

    @Test
    void anAdminResolvesAnAlertWithTheButtonAndAViewerMayNot() throws Exception {
        long id = jdbc.queryForObject("SELECT id FROM maintenance_alert WHERE alert_type = 'housse'", Long.class);
        String page = mvc.perform(get("/alerts").with(VIEWER)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Alertes d'entretien ouvertes", "Piano laissé sans housse", "réservoir", "3 novembre 2025")
                .doesNotContain("Marquer résolue");

        mvc.perform(post("/alerts/" + id + "/resolve").with(VIEWER).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/alerts/" + id + "/resolve").with(ADMIN).with(csrf())).andExpect(status().is3xxRedirection());

        assertThat(jdbc.queryForObject("SELECT resolved_by FROM maintenance_alert WHERE id = ?", String.class, id))
                .isEqualTo(ConsoleIntegrationTest.ADMIN);
        assertThat(jdbc.queryForObject("SELECT who || ' ' || action FROM console_audit", String.class))
                .isEqualTo(ConsoleIntegrationTest.ADMIN + " alerts resolve " + id);
        String after = mvc.perform(get("/alerts").with(ADMIN)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(after).doesNotContain("Piano laissé sans housse").contains("Réservoir vide", "Marquer résolue");
    }
}
