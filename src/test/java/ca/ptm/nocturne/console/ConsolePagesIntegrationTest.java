package ca.ptm.nocturne.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Each page against real runs (a completed import, a failed one, a failed sync, a night stuck in STARTED). */
@ConsoleIntegrationTest
class ConsolePagesIntegrationTest {

    static final RequestPostProcessor ADMIN = user(ConsoleIntegrationTest.ADMIN).roles("ADMIN");
    static final RequestPostProcessor VIEWER = user("lecteur").roles("VIEWER");

    @Autowired
    MockMvc mvc;
    @Autowired
    JobLaunches launches;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ConsoleRunner runner;
    @TempDir
    Path temp;

    @BeforeEach
    void clean() throws InterruptedException {
        assertThat(runner.awaitIdle(Duration.ofMinutes(2))).isTrue();
        TestDatabase.clean(jdbc);
        jdbc.update("DELETE FROM console_audit");
    }

    @AfterEach
    void restore() {
        ConsoleRuns.restoreColumn(jdbc);
    }

    @Test
    void nuitsListsTheRunsNewestFirstWithStatusCountsChecksAndTheFailureInOneFrenchLine() throws Exception {
        JobExecution good = ConsoleRuns.completedImport(launches, temp);
        JobExecution bad = ConsoleRuns.failedImport(launches, temp);
        assertThat(good.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(bad.getStatus()).isEqualTo(BatchStatus.FAILED);

        String page = html(get("/").param("job", "import").with(VIEWER));

        assertThat(page).contains("Dernières exécutions");
        assertThat(page.indexOf("data-execution=\"" + bad.getId() + "\"")).as("newest first")
                .isLessThan(page.indexOf("data-execution=\"" + good.getId() + "\""));
        assertThat(page).contains("class=\"status st-fail\">échouée</span>")
                .containsPattern("class=\"status st-(ok|warn)\">terminée")
                .contains("Étape « import-products » :")
                .contains("Trop de lignes rejetées dans produits-corrompus.csv")
                .doesNotContain("Exception")
                .contains("<strong>Import</strong>")
                .contains("Lecture seule : seul un administrateur peut agir.");
        assertThat(page).as("count-check verdicts").containsPattern("OK \\d+");

        String nights = html(get("/").with(VIEWER));
        assertThat(nights).contains("Aucune exécution pour l&#39;instant.");
        String all = html(get("/").param("job", "all").with(ADMIN));
        assertThat(all).contains("data-execution=\"" + bad.getId() + "\"").contains("Lancer l&#39;import");
    }

    @Test
    void theExecutionPageShowsStepsParametersTimesChecksRejectsAndTheActionsSpringBatchWouldAllow() throws Exception {
        JobExecution good = ConsoleRuns.completedImport(launches, temp);
        JobExecution bad = ConsoleRuns.failedImport(launches, temp);

        String failed = html(get("/executions/" + bad.getId()).with(ADMIN));
        assertThat(failed).contains("import-products").contains("échouée").contains("requested.at").contains("(identifiant)")
                .contains("produits-corrompus.csv").contains("Voir les 99 ligne(s) rejetée(s) de cette exécution")
                .contains("/rejects?instance=" + bad.getJobInstance().getInstanceId())
                .contains("href=\"/actions/restart/" + bad.getId() + "\"")
                .contains("href=\"/actions/abandon/" + bad.getId() + "\"")
                .contains("L&#39;exécution n&#39;est pas en cours (échouée).");
        String montreal = ConsoleFormat.montreal(bad.getStartTime()).format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss"));
        assertThat(failed).as("times in Montreal").contains(montreal);

        String completed = html(get("/executions/" + good.getId()).with(ADMIN));
        assertThat(completed).contains("Spring Batch ne reprend pas une exécution terminée")
                .doesNotContain("href=\"/actions/restart/" + good.getId() + "\"")
                .contains("Contrôle des comptes").contains("conforme");

        mvc.perform(get("/executions/999999").with(ADMIN)).andExpect(status().isNotFound());
    }

    @Test
    void restartGoesThroughAConfirmationRunsInTheBackgroundAndIsAudited() throws Exception {
        JobExecution failed = ConsoleRuns.failedSync(launches, jdbc);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);

        assertThat(html(get("/actions/restart/" + failed.getId()).with(ADMIN))).contains("Je confirme").contains("jobs restart " + failed.getId());
        String unconfirmed = html(post("/actions/restart/" + failed.getId()).with(ADMIN).with(csrf()));
        assertThat(unconfirmed).contains("Cochez « Je confirme »");
        assertThat(TestDatabase.count(jdbc, "console_audit")).isZero();

        ConsoleRuns.restoreColumn(jdbc);
        MvcResult result = mvc.perform(post("/actions/restart/" + failed.getId()).param("confirm", "on").with(ADMIN).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String resultUrl = result.getResponse().getRedirectedUrl();
        assertThat(resultUrl).startsWith("/actions/result/");
        assertThat(runner.awaitIdle(Duration.ofMinutes(2))).isTrue();

        JobExecution last = jobRepository.getLastJobExecution(failed.getJobInstance());
        assertThat(last.getId()).isNotEqualTo(failed.getId());
        assertThat(last.getStatus()).as(last.getExitStatus().getExitDescription()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, Object> audit = jdbc.queryForMap("SELECT * FROM console_audit");
        assertThat(audit).containsEntry("who", ConsoleIntegrationTest.ADMIN).containsEntry("action", "RESTART")
                .containsEntry("outcome", "DONE").containsEntry("execution_id", failed.getId());
        assertThat((String) audit.get("message")).contains("exécution " + last.getId() + " terminée");
        assertThat(html(get(resultUrl).with(ADMIN))).contains("terminée").contains("/executions/" + failed.getId() + "/latest");
        mvc.perform(get("/executions/" + failed.getId() + "/latest").with(ADMIN))
                .andExpect(status().is3xxRedirection())
                .andExpect(r -> assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/executions/" + last.getId()));

        String old = html(get("/executions/" + failed.getId()).with(ADMIN));
        assertThat(old).contains("Déjà reprise par l&#39;exécution " + last.getId());
        mvc.perform(post("/actions/restart/" + last.getId()).param("confirm", "on").with(ADMIN).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT outcome FROM console_audit ORDER BY id DESC LIMIT 1", String.class))
                .as("a completed run is not restarted").isEqualTo("REFUSED");
    }

    @Test
    void abandonStopAndRecoverGoThroughJobLaunchesAndAreAudited() throws Exception {
        JobExecution failed = ConsoleRuns.failedImport(launches, temp);
        JobExecution stuck = ConsoleRuns.stuckNight(jobRepository, LocalDate.of(2026, 1, 5));

        String page = html(get("/executions/" + stuck.getId()).with(ADMIN));
        assertThat(page).contains("href=\"/actions/recover/" + stuck.getId() + "\"").contains("href=\"/actions/stop/" + stuck.getId() + "\"")
                .contains("data-progress-url=\"/api/executions/" + stuck.getId() + "/progress\"");
        String json = mvc.perform(get("/api/progress").with(VIEWER)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"id\":" + stuck.getId()).contains("\"name\":\"import-pda\"").contains("\"read\":40").contains("\"written\":38");
        assertThat(html(get("/").param("job", "import").with(ADMIN))).as("one run at a time")
                .contains("est en cours : une seule exécution à la fois.");

        act("recover", stuck.getId());
        assertThat(launches.existing(stuck.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
        act("stop", failed.getId());
        act("abandon", failed.getId());
        assertThat(launches.existing(failed.getId()).getStatus()).isEqualTo(BatchStatus.ABANDONED);

        assertThat(jdbc.queryForList("SELECT action || ' ' || outcome FROM console_audit ORDER BY id", String.class))
                .containsExactly("RECOVER DONE", "STOP REFUSED", "ABANDON DONE");
        String activity = html(get("/activity").with(VIEWER));
        assertThat(activity).contains("Récupérer").contains("Abandonner").contains("refusée");
    }

    @Test
    void runImportOnDemandReturnsAtOnceAndIsRefusedWhileAnEarlierImportIsUnfinished() throws Exception {
        Path inbox = Path.of(ConsoleIntegrationTest.INBOX);
        org.springframework.util.FileSystemUtils.deleteRecursively(inbox);
        Files.createDirectories(inbox);
        try (var files = Files.list(Path.of("jobs/samples/import"))) {
            for (Path file : files.toList()) {
                Files.copy(file, inbox.resolve(file.getFileName()));
            }
        }
        assertThat(html(get("/actions/run/import").with(ADMIN))).contains("Lancer l&#39;import").contains("run import");
        mvc.perform(post("/actions/run/import").param("confirm", "on").with(ADMIN).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(runner.awaitIdle(Duration.ofMinutes(2))).isTrue();
        Map<String, Object> audit = jdbc.queryForMap("SELECT * FROM console_audit");
        assertThat(audit).containsEntry("action", "RUN_IMPORT").containsEntry("outcome", "DONE");
        assertThat(launches.existing((Long) audit.get("execution_id")).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        JobExecution failed = ConsoleRuns.failedImport(launches, temp);
        String nights = html(get("/").with(ADMIN));
        assertThat(nights).contains("L&#39;import précédent (exécution " + failed.getId() + ") est échouée");
        mvc.perform(post("/actions/run/import").param("confirm", "on").with(ADMIN).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT outcome FROM console_audit ORDER BY id DESC LIMIT 1", String.class)).isEqualTo("REFUSED");

        mvc.perform(post("/actions/run/validate").param("confirm", "on").with(ADMIN).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(runner.awaitIdle(Duration.ofMinutes(2))).isTrue();
        assertThat(jdbc.queryForObject("SELECT action || ' ' || execution_id FROM console_audit ORDER BY id DESC LIMIT 1", String.class))
                .isEqualTo("RUN_VALIDATE " + failed.getId());
    }

    @Test
    void rejectsAreFilteredPaginatedEscapedExportedAsGuardedCsvAndMarkedResolvedByTheUser() throws Exception {
        ConsoleRuns.completedImport(launches, temp);
        JobExecution failed = ConsoleRuns.failedImport(launches, temp);
        long batch = jdbc.queryForObject("SELECT id FROM import_batch WHERE file_name = 'produits-corrompus.csv'", Long.class);
        jdbc.update("INSERT INTO import_reject (import_batch_id, line_number, raw_line, field_name, raw_value, error_code, message) "
                + "VALUES (?, 9999, '<script>alert(1)</script>;=1+2', 'name', '=HYPERLINK(\"http://x\")', 'BAD_VALUE', 'Valeur « piège »')", batch);

        String first = html(get("/rejects").param("file", "produits-corrompus.csv").with(VIEWER));
        assertThat(first).contains("100 ligne(s)").contains("Page 1 sur 2").contains("Suivante")
                .doesNotContain("Marquer résolu");
        String second = html(get("/rejects").param("file", "produits-corrompus.csv").param("page", "1").with(VIEWER));
        assertThat(second).contains("Page 2 sur 2").contains("line 9999".substring(5))
                .doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        String byCode = html(get("/rejects").param("code", "BAD_VALUE").with(VIEWER));
        assertThat(byCode).contains("1 ligne(s)");
        String byInstance = html(get("/rejects").param("instance", String.valueOf(failed.getJobInstance().getInstanceId())).with(VIEWER));
        assertThat(byInstance).contains("100 ligne(s)");

        byte[] csv = mvc.perform(get("/rejects/export.csv").param("code", "BAD_VALUE").with(VIEWER)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        assertThat(text.lines().toList()).hasSize(2);
        assertThat(text).startsWith("Fichier;Ligne;Champ;Valeur;Code;Message;Ligne brute;Résolu le;Résolu par\r\n")
                .contains("produits-corrompus.csv;9999;name;\"'=HYPERLINK(\"\"http://x\"\")\";BAD_VALUE;Valeur « piège »;\"<script>alert(1)</script>;=1+2\"");

        long id = jdbc.queryForObject("SELECT id FROM import_reject WHERE line_number = 9999", Long.class);
        mvc.perform(post("/rejects/" + id + "/resolve").with(VIEWER).with(csrf())).andExpect(status().isForbidden());
        assertThat(html(get("/rejects").param("code", "BAD_VALUE").with(ADMIN))).contains("Marquer résolu");
        mvc.perform(post("/rejects/" + id + "/resolve").param("code", "BAD_VALUE").with(ADMIN).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Map<String, Object> resolved = jdbc.queryForMap("SELECT resolved_by, resolved_at FROM import_reject WHERE id = ?", id);
        assertThat(resolved.get("resolved_by")).isEqualTo(ConsoleIntegrationTest.ADMIN);
        assertThat(resolved.get("resolved_at")).isNotNull();
        assertThat(html(get("/rejects").param("code", "BAD_VALUE").with(ADMIN))).contains("Aucune ligne rejetée pour ces filtres.");
        assertThat(html(get("/rejects").param("code", "BAD_VALUE").param("state", "resolved").with(ADMIN)))
                .contains("par " + ConsoleIntegrationTest.ADMIN);
        assertThat(jdbc.queryForObject("SELECT action || ' ' || outcome || ' ' || who FROM console_audit", String.class))
                .isEqualTo("RESOLVE_REJECT DONE " + ConsoleIntegrationTest.ADMIN);
    }

    @Test
    void reportsAreServedOnlyFromTheReportsFolder() throws Exception {
        Path reports = Files.createDirectories(Path.of(ConsoleIntegrationTest.REPORTS, "2026-03-01"));
        Path pdf = Files.writeString(reports.resolve("inventaire.pdf"), "%PDF-1.7 test");
        Path csv = Files.writeString(reports.resolve("inventaire.csv"), "\uFEFFa;b\r\n");
        Path outside = Files.writeString(temp.resolve("secret.pdf"), "%PDF secret");
        Path notAReport = Files.writeString(reports.resolve("notes.txt"), "texte");
        JobExecution run = ConsoleRuns.runWithReports(jobRepository, List.of(pdf, csv, outside, notAReport));

        String page = html(get("/executions/" + run.getId()).with(VIEWER));
        assertThat(page).contains("href=\"/executions/" + run.getId() + "/reports/0\"").contains("href=\"/executions/" + run.getId() + "/reports/1\"")
                .doesNotContain("/reports/2\"").doesNotContain("/reports/3\"").contains("hors du dossier des rapports");

        MvcResult download = mvc.perform(get("/executions/" + run.getId() + "/reports/0").with(VIEWER)).andExpect(status().isOk()).andReturn();
        assertThat(download.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(download.getResponse().getHeader("Content-Disposition")).contains("attachment").contains("inventaire.pdf");
        assertThat(download.getResponse().getContentAsString()).isEqualTo("%PDF-1.7 test");
        assertThat(mvc.perform(get("/executions/" + run.getId() + "/reports/1").with(VIEWER)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentType()).startsWith("text/csv");
        mvc.perform(get("/executions/" + run.getId() + "/reports/2").with(VIEWER)).andExpect(status().isForbidden());
        mvc.perform(get("/executions/" + run.getId() + "/reports/3").with(VIEWER)).andExpect(status().isForbidden());
        mvc.perform(get("/executions/" + run.getId() + "/reports/9").with(VIEWER)).andExpect(status().isForbidden());
    }

    private void act(String action, long id) throws Exception {
        mvc.perform(post("/actions/" + action + "/" + id).param("confirm", "on").with(ADMIN).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    private String html(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
