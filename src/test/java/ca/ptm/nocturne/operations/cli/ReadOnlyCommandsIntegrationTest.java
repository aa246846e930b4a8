package ca.ptm.nocturne.operations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.operations.ExecutionReport;
import ca.ptm.nocturne.operations.ExitCode;
import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.operations.schedule.NightlyScheduler;
import ca.ptm.nocturne.reports.jasper.ReportTemplates;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.SampleInbox;
import ca.ptm.nocturne.support.TestDatabase;
import ca.ptm.nocturne.validation.CheckStatus;
import ca.ptm.nocturne.validation.CountCheck;
import ca.ptm.nocturne.validation.Revalidation;
import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * jobs list / jobs show in the slim context (issue 21): only the database, the job repository and the printer
 * exist (no web stack, scheduler, Jasper, mail, broker, job definitions), and what they print is what the whole
 * application prints for the same command.
 */
@NocturneIntegrationTest
class ReadOnlyCommandsIntegrationTest {

    @Autowired
    JobLaunches launches;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    ExecutionReport report;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    Revalidation revalidation;
    @TempDir
    Path temp;

    @BeforeEach
    void clean() {
        TestDatabase.clean(jdbc);
    }

    @Test
    void theSlimContextHoldsTheRepositoryAndNothingOfTheApplication() throws Exception {
        JobExecution imported = launches.runImport(SampleInbox.withSamples(temp).dir(), null);
        HikariDataSource hikari = (HikariDataSource) dataSource;
        // a second application in this JVM must leave the tests' logging alone
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        try (ConfigurableApplicationContext slim = ReadOnlyCommands.startSlim("jobs", "list", "--spring.datasource.url=" + hikari.getJdbcUrl(),
                "--spring.datasource.username=" + hikari.getUsername(), "--logging.level.root=WARN")) {
            assertThat(slim.getBeansOfType(JobRepository.class)).hasSize(1);
            assertThat(slim.getBeansOfType(Job.class)).as("no job definitions").isEmpty();
            assertThat(slim.getBeansOfType(NightlyScheduler.class)).isEmpty();
            assertThat(slim.getBeansOfType(ReportTemplates.class)).isEmpty();
            assertThat(slim.getBeansOfType(JavaMailSender.class)).isEmpty();
            assertThat(slim.getBeansOfType(DispatcherServlet.class)).isEmpty();
            assertThat(slim.getBeanDefinitionNames()).noneMatch(name -> name.toLowerCase().contains("flyway"))
                    .noneMatch(name -> name.toLowerCase().contains("rabbit"));

            ReadOnlyCommands commands = new ReadOnlyCommands(slim.getBean(JobRepository.class), slim.getBean(ExecutionReport.class),
                    slim.getBean(Revalidation.class));
            ByteArrayOutputStream slimOut = new ByteArrayOutputStream();
            assertThat(commands.execute(CommandArguments.parse("jobs", "list"), new PrintStream(slimOut, true, StandardCharsets.UTF_8)))
                    .isEqualTo(ExitCode.COMPLETED);
            ByteArrayOutputStream fullOut = new ByteArrayOutputStream();
            new ReadOnlyCommands(jobRepository, report).list(CommandArguments.parse("jobs", "list"), new PrintStream(fullOut, true, StandardCharsets.UTF_8));
            assertThat(slimOut.toString(StandardCharsets.UTF_8)).isEqualTo(fullOut.toString(StandardCharsets.UTF_8))
                    .contains(" " + imported.getId() + "  import");

            ByteArrayOutputStream shown = new ByteArrayOutputStream();
            assertThat(commands.execute(CommandArguments.parse("jobs", "show", String.valueOf(imported.getId())),
                    new PrintStream(shown, true, StandardCharsets.UTF_8))).isEqualTo(ExitCode.COMPLETED);
            assertThat(shown.toString(StandardCharsets.UTF_8)).contains("import-pda-requests");
            ByteArrayOutputStream unknown = new ByteArrayOutputStream();
            assertThat(commands.execute(CommandArguments.parse("jobs", "show", "999999"), new PrintStream(unknown, true, StandardCharsets.UTF_8)))
                    .isEqualTo(ExitCode.BAD_USAGE);
            assertThat(unknown.toString(StandardCharsets.UTF_8)).contains("Aucune exécution n° 999999");

            ByteArrayOutputStream validated = new ByteArrayOutputStream();
            ExitCode verdict = commands.execute(CommandArguments.parse("run", "validate"), new PrintStream(validated, true, StandardCharsets.UTF_8));
            CheckStatus worst = revalidation.recheck(launches.existing(imported.getId())).stream().map(CountCheck::status)
                    .reduce(CheckStatus.OK, CheckStatus::worst);
            assertThat(verdict).isEqualTo(switch (worst) {
                case OK -> ExitCode.COMPLETED;
                case WARN -> ExitCode.COMPLETED_WITH_WARNINGS;
                case FAIL -> ExitCode.FAILED;
            });
            assertThat(validated.toString(StandardCharsets.UTF_8)).startsWith("Contrôle des comptes de l'exécution " + imported.getId() + " (import) :");
        } finally {
            System.clearProperty("org.springframework.boot.logging.LoggingSystem");
        }
    }

    @Test
    void onlyTheReadOnlyCommandsTakeTheSlimPath() {
        assertThat(ReadOnlyCommands.handles(new String[] {"jobs", "list", "--limit=5"})).isTrue();
        assertThat(ReadOnlyCommands.handles(new String[] {"jobs", "show", "3"})).isTrue();
        assertThat(ReadOnlyCommands.handles(new String[] {"--help"})).isTrue();
        assertThat(ReadOnlyCommands.handles(new String[] {"run", "validate", "--execution=3"})).isTrue();
        assertThat(ReadOnlyCommands.handles(new String[] {"jobs", "restart", "3"})).isFalse();
        assertThat(ReadOnlyCommands.handles(new String[] {"run", "nightly"})).isFalse();
        assertThat(ReadOnlyCommands.handles(new String[] {"serve"})).isFalse();
        assertThat(ReadOnlyCommands.handles(new String[] {})).isFalse();
    }
}
