package ca.ptm.nocturne.operations.cli;

import ca.ptm.nocturne.imports.ledger.ImportBatchLedger;
import ca.ptm.nocturne.operations.ExecutionReport;
import ca.ptm.nocturne.operations.ExitCode;
import ca.ptm.nocturne.operations.OperationRefusedException;
import ca.ptm.nocturne.validation.CheckStatus;
import ca.ptm.nocturne.validation.CountCheck;
import ca.ptm.nocturne.validation.CountCheckRepository;
import ca.ptm.nocturne.validation.CountRules;
import ca.ptm.nocturne.validation.ImportCountChecks;
import ca.ptm.nocturne.validation.Revalidation;
import ca.ptm.nocturne.validation.SyncCountChecks;
import ca.ptm.nocturne.validation.ValidationProperties;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.dao.EmptyResultDataAccessException;

/**
 * The admin commands that only look ({@code --help}, {@code jobs list}, {@code jobs show <id>}, and
 * {@code run validate}, which recomputes and records a past run's count checks) without the application:
 * {@code --help} starts no Spring at all, the others a slim context with the database, the job repository and the
 * count checks only (no web server, scheduler, Jasper, broker, mail, Flyway or job definitions), so an admin's look
 * costs about a second instead of the ten CPU-seconds of the whole application. The full command line answers the
 * same commands the same way.
 */
public final class ReadOnlyCommands {

    private static final Logger log = LoggerFactory.getLogger(ReadOnlyCommands.class);

    private final JobRepository jobRepository;
    private final ExecutionReport report;
    private final Revalidation revalidation;

    ReadOnlyCommands(JobRepository jobRepository, ExecutionReport report) {
        this(jobRepository, report, null);
    }

    ReadOnlyCommands(JobRepository jobRepository, ExecutionReport report, Revalidation revalidation) {
        this.jobRepository = jobRepository;
        this.report = report;
        this.revalidation = revalidation;
    }

    /**
     * The database, the job repository and what the listings print with: nothing else. Deliberately not a
     * stereotype (@Configuration), so the application's component scan and the tests' configuration search never
     * pick it up; SpringApplication processes its imports as a primary source.
     */
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class, BatchAutoConfiguration.class, BatchJdbcAutoConfiguration.class})
    @ComponentScan(basePackages = "ca.ptm.nocturne.shared.db")
    // the job repository must read Nocturne's own records in execution contexts (the import manifest) like the app
    @ComponentScan(basePackages = "ca.ptm.nocturne.shared.batch", useDefaultFilters = false,
            includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*\\.ExecutionContextConfiguration"))
    @ConfigurationPropertiesScan(basePackages = "ca.ptm.nocturne.shared.db")
    @Import({ExecutionReport.class, ImportBatchLedger.class, CountCheckRepository.class, CountRules.class,
            ImportCountChecks.class, SyncCountChecks.class, Revalidation.class})
    @EnableConfigurationProperties(ValidationProperties.class)
    static class SlimContext {
    }

    /** True for the commands this class answers alone: {@code --help}, {@code jobs list}, {@code jobs show}. */
    public static boolean handles(String[] args) {
        if ("false".equals(System.getProperty("nocturne.cli.slim"))) {
            return false; // -Dnocturne.cli.slim=false: the whole application, for bench/cli-latency.sh's "before"
        }
        CommandArguments parsed = CommandArguments.parse(args);
        if (parsed.has("help")) {
            return true;
        }
        return parsed.words().size() >= 2 && (parsed.word(0).equals("jobs")
                && (parsed.word(1).equals("list") || parsed.word(1).equals("show"))
                || parsed.word(0).equals("run") && parsed.word(1).equals("validate"));
    }

    /** Runs one read-only command and returns the process's exit code. */
    public static int run(String[] args) {
        CommandArguments parsed = CommandArguments.parse(args);
        PrintStream out = System.out;
        if (parsed.has("help")) {
            out.print(Usage.TEXT);
            return ExitCode.COMPLETED.code();
        }
        try (ConfigurableApplicationContext context = startSlim(args)) {
            ReadOnlyCommands commands = new ReadOnlyCommands(context.getBean(JobRepository.class), context.getBean(ExecutionReport.class),
                    context.getBean(Revalidation.class));
            return commands.execute(parsed, out).code();
        } catch (RuntimeException e) {
            log.error("Read-only command failed", e);
            out.println("Échec : " + e.getMessage());
            return ExitCode.FAILED.code();
        }
    }

    /** The slim context: the database, the job repository, the report printer. */
    static ConfigurableApplicationContext startSlim(String... args) {
        SpringApplication application = new SpringApplication(SlimContext.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setLogStartupInfo(false);
        return application.run(args);
    }

    ExitCode execute(CommandArguments args, PrintStream out) {
        try {
            if (args.word(0).equals("run")) {
                return validate(args, out);
            }
            if (args.word(1).equals("list")) {
                return list(args, out);
            }
            report.printDetails(existing(args.executionId()), out);
            return ExitCode.COMPLETED;
        } catch (OperationRefusedException refused) {
            out.println(refused.getMessage());
            return ExitCode.BAD_USAGE;
        } catch (CommandLine.BadUsageException bad) {
            out.println(bad.getMessage());
            out.println();
            out.print(Usage.TEXT);
            return ExitCode.BAD_USAGE;
        }
    }

    ExitCode list(CommandArguments args, PrintStream out) {
        int limit = Optional.ofNullable(args.integer("limit")).orElse(20);
        Optional<BatchStatus> status = args.has("status") ? Optional.of(args.status()) : Optional.empty();
        List<JobExecution> executions = jobRepository.getJobNames().stream()
                .flatMap(name -> jobRepository.getJobInstances(name, 0, 10_000).stream())
                .flatMap(instance -> jobRepository.getJobExecutions(instance).stream())
                .filter(e -> status.isEmpty() || e.getStatus() == status.get())
                .sorted(Comparator.comparing(JobExecution::getId).reversed())
                .limit(limit)
                .toList();
        if (executions.isEmpty()) {
            out.println("Aucune exécution" + status.map(s -> " au statut " + s).orElse("") + ".");
            return ExitCode.COMPLETED;
        }
        out.printf("%6s  %-8s  %-30s  %-20s  %-9s  %s%n", "N°", "Job", "Statut", "Début (Montréal)", "Durée", "Paramètres");
        executions.forEach(e -> report.printListLine(e, out));
        return ExitCode.COMPLETED;
    }

    /** {@code run validate}: the count checks of a past run recomputed (and saved), the exit code their verdict. */
    ExitCode validate(CommandArguments args, PrintStream out) {
        JobExecution execution = args.has("execution") ? existing(args.longOption("execution"))
                : jobRepository.getJobNames().stream()
                        .map(jobRepository::getLastJobInstance)
                        .filter(java.util.Objects::nonNull)
                        .flatMap(instance -> jobRepository.getJobExecutions(instance).stream())
                        .max(Comparator.comparing(JobExecution::getId))
                        .orElseThrow(() -> new OperationRefusedException("Aucune exécution à contrôler."));
        List<CountCheck> checks = revalidation.recheck(execution);
        out.printf("Contrôle des comptes de l'exécution %d (%s) :%n", execution.getId(), execution.getJobInstance().getJobName());
        report.printCountChecks(execution.getId(), out);
        CheckStatus worst = checks.stream().map(CountCheck::status).reduce(CheckStatus.OK, CheckStatus::worst);
        return switch (worst) {
            case OK -> ExitCode.COMPLETED;
            case WARN -> ExitCode.COMPLETED_WITH_WARNINGS;
            case FAIL -> ExitCode.FAILED;
        };
    }

    private JobExecution existing(long executionId) {
        JobExecution execution;
        try {
            execution = jobRepository.getJobExecution(executionId);
        } catch (EmptyResultDataAccessException unknown) {
            execution = null; // Spring Batch 6.0.6 throws here instead of returning null for an unknown id
        }
        if (execution == null) {
            throw new OperationRefusedException("Aucune exécution n° " + executionId + " dans le dépôt des jobs.");
        }
        return execution;
    }
}
