package ca.ptm.nocturne.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.NocturneApplication;
import ca.ptm.nocturne.console.ConsoleAction;
import ca.ptm.nocturne.console.ConsoleActions;
import ca.ptm.nocturne.console.ConsoleRunner;
import ca.ptm.nocturne.console.ConsoleUsers;
import ca.ptm.nocturne.console.RejectQueries;
import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.support.NightTables;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.SampleInbox;
import ca.ptm.nocturne.support.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The night, a stop and restart, and the console's actions, run as {@code nocturne_etl} (the role V10 creates, given
 * a login here as the README tells operators) with row-level security on, and the migrations as the owner: the
 * tables end equal to the same scenario run as the owner. The second Nocturne runs in this JVM on the same database,
 * connected as nocturne_etl, with Flyway connecting as the owner.
 */
@NocturneIntegrationTest
class NightAsNocturneEtlIntegrationTest {

    static final LocalDate NIGHT = LocalDate.of(2026, 1, 22);
    static final String PASSWORD = "etl-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
    static final Path WORK = work();
    static final Path INBOX = WORK.resolve("inbox");
    static final Path EXPORTS = WORK.resolve("gazelle");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("nocturne.import.inbox", INBOX::toString);
        registry.add("nocturne.gazelle.exports-dir", EXPORTS::toString);
        registry.add("nocturne.reports.output-dir", () -> WORK.resolve("reports-owner").toString());
        registry.add("nocturne.mail.outbox", () -> WORK.resolve("outbox-owner").toString());
    }

    @Autowired
    ApplicationContext ownerContext;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void theNightARestartAndTheConsoleAsNocturneEtlLeaveTheTablesOfTheOwnersRun() throws Exception {
        clean();
        long ownerNight = scenario(ownerContext);
        Map<String, List<String>> owner = tables(ownerNight);

        clean();
        HikariDataSource ownerPool = (HikariDataSource) dataSource;
        jdbc.execute("ALTER ROLE nocturne_etl LOGIN PASSWORD '" + PASSWORD + "'");
        try (ConfigurableApplicationContext etl = new SpringApplicationBuilder(NocturneApplication.class)
                .web(WebApplicationType.SERVLET)
                .run(arguments(Map.ofEntries(
                        Map.entry("spring.datasource.url", ownerPool.getJdbcUrl()),
                        Map.entry("spring.datasource.username", "nocturne_etl"),
                        Map.entry("spring.datasource.password", PASSWORD),
                        Map.entry("spring.flyway.user", ownerPool.getUsername()),
                        Map.entry("server.port", "0"),
                        Map.entry("nocturne.cli.enabled", "false"),
                        Map.entry("nocturne.import.inbox", INBOX.toString()),
                        Map.entry("nocturne.gazelle.exports-dir", EXPORTS.toString()),
                        Map.entry("nocturne.reports.output-dir", WORK.resolve("reports-etl").toString()),
                        Map.entry("nocturne.mail.outbox", WORK.resolve("outbox-etl").toString()),
                        Map.entry("logging.level.ca.ptm.nocturne", "WARN"))))) {
            JdbcTemplate asEtl = etl.getBean(JdbcTemplate.class);
            assertThat(asEtl.queryForObject("SELECT current_user || ' super=' || rolsuper || ' bypassrls=' || rolbypassrls "
                    + "FROM pg_roles WHERE rolname = current_user", String.class)).isEqualTo("nocturne_etl super=false bypassrls=false");
            assertThat(asEtl.queryForObject("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                    + "WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'flyway_schema_history' AND NOT c.relrowsecurity",
                    Integer.class)).as("tables of public without row-level security").isZero();
            long etlNight = scenario(etl);
            assertThat(NightTables.differences(owner, tables(etlNight))).as("tables after the nocturne_etl run").isEmpty();
        } finally {
            jdbc.execute("ALTER ROLE nocturne_etl NOLOGIN PASSWORD NULL");
        }
    }

    private void clean() {
        TestDatabase.clean(jdbc);
        jdbc.update("DELETE FROM console_user WHERE username = 'allan.admin'");
    }

    /**
     * A night stopped from the console while it imports, restarted from the console, its counts checked again, a
     * rejected row marked resolved, then the import and the Gazelle sync run alone from the console. Returns the
     * night's final execution.
     */
    private static long scenario(ApplicationContext context) throws Exception {
        JobLaunches launches = context.getBean(JobLaunches.class);
        ConsoleActions actions = context.getBean(ConsoleActions.class);
        ConsoleRunner runner = context.getBean(ConsoleRunner.class);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        context.getBean(ConsoleUsers.class).create("allan.admin", "une phrase de passe assez longue", ConsoleUsers.ADMIN);

        CompletableFuture<JobExecution> night = ca.ptm.nocturne.operations.crash.BackgroundNight.launch(launches, NIGHT, INBOX, EXPORTS);
        long deadline = System.currentTimeMillis() + 120_000;
        while (jdbc.queryForObject("SELECT count(*) FROM batch.batch_step_execution WHERE step_name = 'import-pda-requests' "
                + "AND status = 'STARTED'", Integer.class) == 0) {
            assertThat(System.currentTimeMillis()).as("the night reached import-pda-requests").isLessThan(deadline);
            assertThat(night.isDone()).as("the night ended before it could be stopped").isFalse();
            Thread.sleep(5);
        }
        long id = launches.night(NIGHT).orElseThrow().getId();
        assertThat(outcome(jdbc, actions.onExecution(ConsoleAction.STOP, id, "allan.admin"))).isEqualTo("DONE");
        assertThat(night.get(120, TimeUnit.SECONDS).getStatus()).isEqualTo(BatchStatus.STOPPED);

        long restart = actions.onExecution(ConsoleAction.RESTART, id, "allan.admin");
        assertThat(runner.awaitIdle(Duration.ofMinutes(4))).isTrue();
        assertThat(outcome(jdbc, restart)).as(message(jdbc, restart)).isEqualTo("DONE");
        JobExecution completed = launches.night(NIGHT).orElseThrow();
        assertThat(completed.getStatus()).isEqualTo(BatchStatus.COMPLETED);

        long validate = actions.runStage(ConsoleAction.RUN_VALIDATE, "allan.admin");
        assertThat(runner.awaitIdle(Duration.ofMinutes(2))).isTrue();
        assertThat(outcome(jdbc, validate)).as(message(jdbc, validate)).isIn("DONE", "FAILED");
        assertThat(message(jdbc, validate)).contains("Contrôle des comptes de l'exécution " + completed.getId());

        long reject = jdbc.queryForObject("SELECT r.id FROM import_reject r JOIN import_batch b ON b.id = r.import_batch_id "
                + "ORDER BY b.file_name, r.line_number, r.error_code LIMIT 1", Long.class);
        assertThat(actions.resolveReject(reject, "allan.admin", context.getBean(RejectQueries.class))).isTrue();

        long importRun = actions.runStage(ConsoleAction.RUN_IMPORT, "allan.admin");
        assertThat(runner.awaitIdle(Duration.ofMinutes(4))).isTrue();
        assertThat(outcome(jdbc, importRun)).as(message(jdbc, importRun)).isEqualTo("DONE");
        long sync = actions.runStage(ConsoleAction.RUN_GAZELLE_SYNC, "allan.admin");
        assertThat(runner.awaitIdle(Duration.ofMinutes(4))).isTrue();
        assertThat(outcome(jdbc, sync)).as(message(jdbc, sync)).isEqualTo("DONE");
        return completed.getId();
    }

    /** As command-line arguments: they outrank application.yml (default properties would not). */
    private static String[] arguments(Map<String, String> properties) {
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    private static String outcome(JdbcTemplate jdbc, long auditId) {
        return jdbc.queryForObject("SELECT outcome FROM console_audit WHERE id = ?", String.class, auditId);
    }

    private static String message(JdbcTemplate jdbc, long auditId) {
        return jdbc.queryForObject("SELECT message FROM console_audit WHERE id = ?", String.class, auditId);
    }

    /** Every table, execution numbers in the console's messages aside (each run numbers its executions anew). */
    private Map<String, List<String>> tables(long night) {
        Map<String, List<String>> tables = new java.util.TreeMap<>(NightTables.of(jdbc));
        tables.computeIfPresent("console_audit", (t, rows) -> rows.stream().map(r -> r.replaceAll("\\d+", "N")).sorted().toList());
        tables.computeIfPresent("mail_delivery", (t, rows) -> rows.stream().map(r -> r.replaceAll("outbox-(owner|etl)", "outbox")).toList());
        return tables;
    }

    private static Path work() {
        try {
            Path work = Files.createTempDirectory("nocturne-etl");
            SampleInbox.withSamples(work);
            Files.createDirectories(work.resolve("gazelle"));
            try (var files = Files.list(Path.of("jobs/samples/gazelle"))) {
                for (Path file : files.toList()) {
                    Files.copy(file, work.resolve("gazelle").resolve(file.getFileName()));
                }
            }
            ca.ptm.nocturne.operations.crash.ScaledSamples.write(work.resolve("inbox"), work.resolve("gazelle"));
            return work;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
