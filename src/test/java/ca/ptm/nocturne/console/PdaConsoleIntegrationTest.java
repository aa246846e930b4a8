package ca.ptm.nocturne.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The « Place des Arts » page and its actions through MockMvc, the real security chain and PostgreSQL. */
@ConsoleIntegrationTest
class PdaConsoleIntegrationTest {

    static final RequestPostProcessor ADMIN = user(ConsoleIntegrationTest.ADMIN).roles("ADMIN");
    static final RequestPostProcessor VIEWER = user("lecteur").roles("VIEWER");
    static final LocalDate DAY = LocalDate.of(2026, 3, 10);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JobLaunches launches;

    long quartet;
    long gala;

    @BeforeEach
    void requestsAndANight() throws Exception {
        TestDatabase.clean(jdbc);
        jdbc.update("INSERT INTO gazelle_clients (external_id, company_name) VALUES ('cli_PDA', 'Place des Arts')");
        quartet = request("q", DAY, "MS", "Quatuor", "PENDING");
        gala = request("g", DAY.minusDays(2), "WP", "Gala", "COMPLETED");
        appointment("evt_A", DAY, 9);
        appointment("evt_B", DAY, 11);
        appointment("evt_ORPHAN", DAY.minusDays(5), 9);
        assertThat(launches.runPdaReconcile(LocalDate.of(2026, 3, 12), null).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    @Test
    void theViewerSeesTheAnomaliesByKindWithCandidatesAndScoresButNoAction() throws Exception {
        String page = html(get("/pda").param("month", "2026-03").with(VIEWER));

        assertThat(page).contains("Anomalies de la dernière réconciliation").contains("id=\"kind-REVIEW_NEEDED\"")
                .contains("id=\"kind-ORPHAN_APPOINTMENT\"").contains("evt_A").contains("evt_B").contains(">15<")
                .contains("1 demande(s) complétée(s) à facturer en mars 2026, total 175,00");
        assertThat(page).doesNotContain("Lier…").doesNotContain("Écarter…").doesNotContain("Facturer ce mois…");
        mvc.perform(post("/pda/actions/bill").param("month", "2026-03").param("confirm", "on").with(VIEWER).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/pda/actions/bill").param("month", "2026-03").with(VIEWER)).andExpect(status().isForbidden());
        assertThat(statusOf(gala)).isEqualTo("COMPLETED");
    }

    @Test
    void billingAsksForConfirmationThenBillsAndIsAudited() throws Exception {
        assertThat(html(get("/pda").param("month", "2026-03").with(ADMIN))).contains("Facturer ce mois…").contains("Lier…")
                .contains("Écarter…");
        String confirm = html(get("/pda/actions/bill").param("month", "2026-03").with(ADMIN));
        assertThat(confirm).contains("Facturer la Place des Arts — mars 2026").contains("Gala").contains("id=\"bill-total\">175,00");

        String missing = html(post("/pda/actions/bill").param("month", "2026-03").with(ADMIN).with(csrf()));
        assertThat(missing).contains("id=\"missing-confirmation\"");
        assertThat(statusOf(gala)).isEqualTo("COMPLETED");
        mvc.perform(post("/pda/actions/bill").param("month", "2026-03").param("confirm", "on").with(ADMIN))
                .andExpect(status().isForbidden()); // no CSRF token

        mvc.perform(post("/pda/actions/bill").param("month", "2026-03").param("confirm", "on").with(ADMIN).with(csrf()))
                .andExpect(redirectedUrlPattern("/actions/result/*"));

        assertThat(statusOf(gala)).isEqualTo("BILLED");
        assertThat(statusOf(quartet)).isEqualTo("PENDING");
        Map<String, Object> audit = jdbc.queryForMap("SELECT who, action, outcome, message FROM console_audit ORDER BY id DESC LIMIT 1");
        assertThat(audit).containsEntry("who", ConsoleIntegrationTest.ADMIN).containsEntry("action", "PDA_BILL")
                .containsEntry("outcome", "DONE").containsEntry("message", "Place des Arts, mars 2026 : 1 demande(s) facturée(s), total "
                        + ca.ptm.nocturne.reports.format.FrenchFormat.money(new java.math.BigDecimal("175.00")) + ".");
    }

    @Test
    void linkDismissAndRefusalsAreAudited() throws Exception {
        mvc.perform(post("/pda/actions/link").param("request", String.valueOf(quartet)).param("appointment", "evt_B")
                .param("confirm", "on").with(ADMIN).with(csrf())).andExpect(redirectedUrlPattern("/actions/result/*"));
        mvc.perform(post("/pda/actions/dismiss").param("appointment", "evt_ORPHAN").param("reason", "Accord de la salle")
                .param("confirm", "on").with(ADMIN).with(csrf())).andExpect(redirectedUrlPattern("/actions/result/*"));
        mvc.perform(post("/pda/actions/link").param("request", String.valueOf(gala)).param("appointment", "evt_A")
                .param("confirm", "on").with(ADMIN).with(csrf())).andExpect(redirectedUrlPattern("/actions/result/*"));

        assertThat(jdbc.queryForObject("SELECT appointment_external_id FROM pda_request WHERE id = ?", String.class, quartet))
                .isEqualTo("evt_B");
        assertThat(jdbc.queryForObject("SELECT dismissed_by || '|' || reason FROM pda_orphan_dismissal", String.class))
                .isEqualTo("allan|Accord de la salle");
        assertThat(jdbc.queryForList("SELECT action || '|' || outcome FROM console_audit ORDER BY id", String.class))
                .containsExactly("PDA_LINK|DONE", "PDA_DISMISS|DONE", "PDA_LINK|REFUSED");
        String result = html(get("/actions/result/" + jdbc.queryForObject("SELECT max(id) FROM console_audit", Long.class)).with(ADMIN));
        assertThat(result).contains("Lier une demande Place des Arts").contains("est déjà complétée");
    }

    @Test
    void withoutAnyAnomalyThePageSaysSo() throws Exception {
        jdbc.update("DELETE FROM pda_anomaly");

        assertThat(html(get("/pda").param("month", "2026-03").with(VIEWER))).contains("id=\"no-anomalies\"")
                .contains("Aucune anomalie enregistrée.");
        mvc.perform(get("/pda").param("month", "mars").with(VIEWER)).andExpect(status().isBadRequest());
    }

    private long request(String key, LocalDate date, String room, String forWho, String status) {
        return jdbc.queryForObject("""
                INSERT INTO pda_request (legacy_id, business_key, source, request_date, appointment_date, time_24h, room_code, for_who,
                                         status, appointment_external_id)
                VALUES (?, ?, 'manual', ?, ?, '10:00', ?, ?, ?, ?) RETURNING id""", Long.class, "pda_" + key, "key_" + key,
                date.minusDays(7), date, room, forWho, status, status.equals("COMPLETED") ? "evt_DONE" : null);
    }

    private void appointment(String id, LocalDate date, int hour) {
        jdbc.update("""
                INSERT INTO gazelle_appointments (external_id, client_external_id, title, appointment_date, appointment_time,
                                                  start_datetime, status, event_type)
                VALUES (?, 'cli_PDA', 'Accord', ?, ?, (?::date + ?::time) AT TIME ZONE 'America/Montreal', 'ACTIVE', 'APPOINTMENT')""",
                id, date, java.time.LocalTime.of(hour, 0), date, java.time.LocalTime.of(hour, 0));
    }

    private String statusOf(long id) {
        return jdbc.queryForObject("SELECT status FROM pda_request WHERE id = ?", String.class, id);
    }

    private String html(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
