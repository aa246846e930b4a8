package ca.ptm.nocturne.operations.cli;

import ca.ptm.nocturne.gazelle.GazelleProperties;
import ca.ptm.nocturne.gazelle.source.GazelleSources;
import ca.ptm.nocturne.imports.ImportProperties;
import ca.ptm.nocturne.operations.ExecutionReport;
import ca.ptm.nocturne.operations.ExitCode;
import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.operations.OperationRefusedException;
import ca.ptm.nocturne.operations.StatusLabels;
import ca.ptm.nocturne.operations.remote.PartitioningProperties;
import ca.ptm.nocturne.operations.remote.SliceWorker;
import ca.ptm.nocturne.operations.SyncOptions;
import ca.ptm.nocturne.operations.schedule.NightlyScheduler;
import ca.ptm.nocturne.operations.schedule.ScheduleProperties;
import ca.ptm.nocturne.reconciliation.PdaBilling;
import ca.ptm.nocturne.reconciliation.PdaCompletionJobConfiguration;
import ca.ptm.nocturne.reports.format.FrenchFormat;
import ca.ptm.nocturne.shared.time.BusinessTime;
import ca.ptm.nocturne.validation.CheckStatus;
import ca.ptm.nocturne.validation.CountCheck;
import ca.ptm.nocturne.validation.Revalidation;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * Nocturne's command line: {@code run nightly|import|…}, {@code jobs list|show|restart|stop|abandon|recover},
 * {@code serve}, {@code console}, {@code worker}, {@code --help}. Without any argument it runs the night on the bundled samples, the demonstration a fresh clone
 * gives. What it prints is for people (French); the exit code is for schedulers (0, 1, 2, 3).
 */
@Component
public class CommandLine implements ApplicationRunner, ExitCodeGenerator, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CommandLine.class);
    /**
     * The demonstration runs the night that follows the bundled samples (requests and appointments of November 2025),
     * so the reconciliation links them and the billing report shows their month.
     */
    static final LocalDate DEMONSTRATION_NIGHT = LocalDate.of(2025, 12, 1);
    /** Without a terminal (cron, CI): one progress line per running step this often. */
    static final java.time.Duration PLAIN_PROGRESS_INTERVAL = java.time.Duration.ofSeconds(5);

    private final JobLaunches launches;
    private final JobRepository jobRepository;
    private final ExecutionReport report;
    private final ImportProperties importProperties;
    private final CliProperties cliProperties;
    private final DatabaseDescription database;
    private final GazelleProperties gazelleProperties;
    private final GazelleSources sources;
    private final Revalidation revalidation;
    private final NightlyScheduler scheduler;
    private final ScheduleProperties scheduleProperties;
    private final ObjectProvider<SliceWorker> sliceWorker;
    private final PartitioningProperties partitioning;
    private final PrintStream out = System.out;
    private ExitCode exitCode = ExitCode.COMPLETED;
    private ca.ptm.nocturne.maintenance.AlertCommands alertCommands;
    private PdaBilling pdaBilling;
    private volatile boolean keepsRunning;
    private volatile SliceWorker startedWorker;
    private PdaCompletionJobConfiguration.Launcher pdaCompletion;

    public CommandLine(JobLaunches launches, JobRepository jobRepository, ExecutionReport report,
                       ImportProperties importProperties, CliProperties cliProperties, DatabaseDescription database,
                       GazelleProperties gazelleProperties, GazelleSources sources, Revalidation revalidation,
                       NightlyScheduler scheduler, ScheduleProperties scheduleProperties,
                       ObjectProvider<SliceWorker> sliceWorker, PartitioningProperties partitioning) {
        this.launches = launches;
        this.jobRepository = jobRepository;
        this.report = report;
        this.importProperties = importProperties;
        this.cliProperties = cliProperties;
        this.database = database;
        this.gazelleProperties = gazelleProperties;
        this.sources = sources;
        this.revalidation = revalidation;
        this.scheduler = scheduler;
        this.scheduleProperties = scheduleProperties;
        this.sliceWorker = sliceWorker;
        this.partitioning = partitioning;
    }

    /** Place des Arts billing; a setter so the constructor the other commands need stays as it was. */
    @Autowired
    public void setPdaBilling(PdaBilling pdaBilling) {
        this.pdaBilling = pdaBilling;
    }

    /** The morning completion check alone; a setter for the same reason. */
    @Autowired
    public void setPdaCompletion(PdaCompletionJobConfiguration.Launcher pdaCompletion) {
        this.pdaCompletion = pdaCompletion;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!cliProperties.enabled()) {
            return;
        }
        exitCode = execute(CommandArguments.of(args));
    }

    @Override
    public int getExitCode() {
        return exitCode.code();
    }

    public ExitCode execute(CommandArguments args) {
        try {
            if (args.has("help")) {
                out.print(Usage.TEXT);
                return ExitCode.COMPLETED;
            }
            if (args.words().isEmpty()) {
                return demonstration(args);
            }
            return switch (args.word(0)) {
                case "serve" -> serve(true);
                case "console" -> serve(false);
                case "worker" -> worker();
                case "run" -> run(args);
                case "jobs" -> jobs(args);
                case "alerts" -> alerts(args);
                default -> usage("Commande inconnue : « " + args.word(0) + " »");
            };
        } catch (OperationRefusedException refused) {
            log.debug("Command refused", refused);
            out.println(refused.getMessage());
            return ExitCode.BAD_USAGE;
        } catch (BadUsageException bad) {
            return usage(bad.getMessage());
        } catch (Exception e) {
            log.error("Command failed", e);
            out.println("Échec : " + e.getMessage());
            return ExitCode.FAILED;
        }
    }

    /**
     * Starts the web console, and with {@code serve} the nightly schedule too, then returns: the runner must end for
     * Spring to mark the application ready (/actuator/health UP); the process then lives until it is stopped
     * (SIGTERM, Ctrl-C), which closes the context and {@link #destroy()} stops the schedule.
     */
    private ExitCode serve(boolean withSchedule) {
        out.println(withSchedule ? "Nocturne en service : nuit planifiée « " + scheduleProperties.cron() + " » (heure de Montréal)."
                : "Console d'administration seule (aucune nuit planifiée).");
        out.println("Base : " + database.describe());
        if (withSchedule) {
            // on a thread of its own: a catch-up night at start-up must not hold the process's readiness for its whole run
            Thread start = new Thread(scheduler::start, "nocturne-schedule-start");
            start.setDaemon(true);
            start.start();
        }
        keepsRunning = true;
        return ExitCode.COMPLETED;
    }

    /** Starts taking slices of other processes' nights (remote partitioning only) and returns; stopped with the context. */
    private ExitCode worker() {
        SliceWorker worker = sliceWorker.getIfAvailable();
        if (worker == null) {
            throw new OperationRefusedException("La commande « worker » sert au partitionnement à distance : définissez "
                    + "NOCTURNE_PARTITIONING_MODE=remote et NOCTURNE_PARTITIONING_RABBITMQ_URI (amqp://…), ici comme dans le "
                    + "processus qui lance la nuit, sur la même base de données.");
        }
        out.println("Nocturne worker : tranches de la file « " + partitioning.queue() + " » sur " + partitioning.brokerDescription()
                + ", base " + database.describe() + ".");
        worker.start();
        startedWorker = worker;
        keepsRunning = true;
        return ExitCode.COMPLETED;
    }

    /** True once {@code serve}, {@code console} or {@code worker} has started: the process stays up after the runner. */
    public boolean keepsRunning() {
        return keepsRunning;
    }

    /** The context closes (SIGTERM): no new night, no new slice; the slices in progress end their current work. */
    @Override
    public void destroy() throws InterruptedException {
        scheduler.stop();
        if (startedWorker != null) {
            startedWorker.stop();
        }
    }

    /**
     * No command: the demonstration night on the bundled samples. The samples hold bad rows on purpose, so a completed
     * demonstration exits 0 (the same night launched with « run nightly » exits 3); a second demonstration the same
     * day shows the night already done instead of refusing.
     */
    private ExitCode demonstration(CommandArguments args) throws Exception {
        out.println("Aucune commande : nuit de démonstration du " + DEMONSTRATION_NIGHT + " (la période des exemples) sur "
                + importProperties.samples() + " et " + gazelleProperties.samples() + ".");
        out.println("« --help » liste les commandes.");
        LocalDate today = DEMONSTRATION_NIGHT;
        Optional<JobExecution> done = launches.night(today).filter(e -> e.getStatus() == BatchStatus.COMPLETED);
        if (done.isPresent()) {
            out.printf("La nuit du %s est déjà faite (exécution %d) : rien à refaire, voici son résumé.%n", today, done.get().getId());
            report.printRun(done.get(), out);
            return ExitCode.COMPLETED;
        }
        ExitCode outcome = runNightly(args.withOption("samples", "true").withOption("date", DEMONSTRATION_NIGHT.toString()));
        if (outcome == ExitCode.COMPLETED_WITH_WARNINGS) {
            out.println("(Démonstration terminée : les avertissements viennent des lignes fautives glissées exprès dans les "
                    + "exemples ; « run nightly » rendrait le code de sortie 3.)");
            return ExitCode.COMPLETED;
        }
        return outcome;
    }

    private ExitCode run(CommandArguments args) throws Exception {
        return switch (args.word(1)) {
            case "nightly" -> runNightly(args);
            case "import" -> finished(withProgress(() -> launches.runImport(inbox(args), args.integer("year"))));
            case "gazelle-sync" -> {
                LocalDate date = args.date("date").orElseGet(() -> BusinessTime.system().today());
                out.printf("Synchronisation Gazelle — source : %s — base : %s%n", sourceLabel(args), database.describe());
                yield finished(withProgress(() -> launches.runGazelleSync(date, syncOptions(args, "dir"))));
            }
            case "validate" -> validate(args);
            case "pda-reconcile" -> {
                LocalDate date = args.date("date").orElseGet(() -> BusinessTime.system().today());
                yield finished(withProgress(() -> launches.runPdaReconcile(date, args.integer("lookback-days"))));
            }
            case "pda-bill" -> pdaBill(args);
            case "pda-completion" -> {
                LocalDate date = args.date("date").orElseGet(() -> BusinessTime.system().today());
                out.printf("Vérification des complétions Place des Arts — source : %s%n", sourceLabel(args));
                yield finished(withProgress(() -> pdaCompletion.run(date, args.integer("lookback-days"), syncOptions(args, "dir").source())));
            }
            case "reports" -> {
                LocalDate date = args.date("date").orElseGet(() -> BusinessTime.system().today());
                yield finished(withProgress(() -> launches.runReports(date, args.has("only") ? args.option("only") : null)));
            }
            default -> usage("Que faut-il lancer ? « run nightly », « run import », « run gazelle-sync », « run pda-reconcile », « run pda-completion », « run pda-bill », « run reports » ou « run validate »");
        };
    }

    /**
     * {@code run pda-bill --month=AAAA-MM --by=NOM [--dry-run]}: bills the COMPLETED requests of the month, or lists
     * them with the total.
     */
    private ExitCode pdaBill(CommandArguments args) {
        if (!args.has("month")) {
            throw new BadUsageException("« run pda-bill » demande le mois : --month=AAAA-MM (et --by=NOM, ou --dry-run)");
        }
        YearMonth month = PdaBilling.month(args.option("month"));
        boolean dryRun = args.has("dry-run");
        if (!dryRun && (!args.has("by") || args.option("by").isBlank())) {
            throw new BadUsageException("« run pda-bill » demande qui facture : --by=NOM (ou --dry-run pour seulement lister)");
        }
        PdaBilling.Result result = dryRun ? pdaBilling.preview(month) : pdaBilling.bill(month, args.option("by"));
        if (result.lines().isEmpty()) {
            out.printf("Place des Arts, %s : aucune demande complétée à facturer%s.%n", result.monthLabel(),
                    dryRun ? "" : " (rien n'a changé)");
            return ExitCode.COMPLETED;
        }
        out.printf("Place des Arts, %s : %d demande(s) %s%n", result.monthLabel(), result.lines().size(),
                dryRun ? "à facturer (simulation, rien n'est changé) :" : "facturée(s) par " + args.option("by").strip() + " :");
        for (PdaBilling.Line line : result.lines()) {
            out.printf("  %-10s  %-28s  %-30s  %s%n", line.date(), trim(line.hall(), 28), trim(line.forWho(), 30),
                    FrenchFormat.money(line.total()));
        }
        out.printf("Total : %s%n", FrenchFormat.money(result.total()));
        return ExitCode.COMPLETED;
    }

    private static String trim(String text, int width) {
        String value = text == null ? "" : text;
        return value.length() <= width ? value : value.substring(0, width - 1) + "…";
    }

    private ExitCode runNightly(CommandArguments args) throws Exception {
        LocalDate date = args.date("date").orElseGet(() -> BusinessTime.system().today());
        out.printf("Nuit du %s — Gazelle : %s — base : %s%n", date, sourceLabel(args), database.describe());
        return finished(withProgress(() -> launches.runNightly(date, inbox(args), args.integer("year"), syncOptions(args, "gazelle-dir"))));
    }

    private String inbox(CommandArguments args) {
        if (args.has("dir")) {
            return args.option("dir");
        }
        return (args.has("samples") ? importProperties.samples() : importProperties.inbox()).toString();
    }

    private ExitCode validate(CommandArguments args) {
        JobExecution execution = args.has("execution") ? launches.existing(args.longOption("execution"))
                : launches.latestRun().orElseThrow(() -> new OperationRefusedException("Aucune exécution à contrôler."));
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

    private SyncOptions syncOptions(CommandArguments args, String dirOption) {
        String source = args.has("source") ? args.option("source") : null;
        if (source != null && !source.equals(GazelleSources.API) && !source.equals(GazelleSources.FILES)) {
            throw new BadUsageException("--source attend « api » ou « files », pas « " + source + " »");
        }
        String dir = args.has(dirOption) ? args.option(dirOption) : null;
        if (args.has("samples")) {
            source = GazelleSources.FILES;
            dir = gazelleProperties.samples().toString();
        }
        return new SyncOptions(source, dir, args.has("full"));
    }

    private String sourceLabel(CommandArguments args) {
        if (args.has("samples")) {
            return "exports d'exemple (" + gazelleProperties.samples() + ")";
        }
        String source = args.has("source") ? args.option("source") : sources.defaultSource();
        return GazelleSources.API.equals(source) ? "API GraphQL" : "exports CSV (" + (args.has("dir") ? args.option("dir")
                : gazelleProperties.exportsDir()) + ")";
    }

    /** Maintenance alerts: {@code alerts list}, {@code alerts resolve <id> --by=NAME}. */
    private ExitCode alerts(CommandArguments args) {
        if (alertCommands == null) {
            throw new OperationRefusedException("Les alertes d'entretien ne sont pas disponibles dans ce processus.");
        }
        switch (args.word(1)) {
            case "list" -> alertCommands.list(out);
            case "resolve" -> {
                long id;
                try {
                    id = Long.parseLong(args.word(2).trim());
                } catch (NumberFormatException e) {
                    throw new BadUsageException("alerts resolve attend un numéro d'alerte, pas « " + args.word(2) + " »");
                }
                alertCommands.resolve(id, args.option("by"), out);
            }
            default -> throw new BadUsageException("Action inconnue : « alerts " + args.word(1) + " »");
        }
        return ExitCode.COMPLETED;
    }

    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setAlertCommands(ca.ptm.nocturne.maintenance.AlertCommands alertCommands) {
        this.alertCommands = alertCommands;
    }

    private ExitCode jobs(CommandArguments args) throws Exception {
        String action = args.word(1);
        if (action.equals("list")) {
            return list(args);
        }
        long id = args.executionId();
        JobExecution execution = switch (action) {
            case "show" -> launches.existing(id);
            case "restart" -> {
                out.printf("Reprise de l'exécution %d…%n", id);
                yield withProgress(() -> launches.restart(id));
            }
            case "stop" -> launches.stop(id);
            case "abandon" -> launches.abandon(id);
            case "recover" -> launches.recover(id);
            default -> throw new BadUsageException("Action inconnue : « jobs " + action + " »");
        };
        switch (action) {
            case "show" -> report.printDetails(execution, out);
            case "restart" -> {
                return finished(execution);
            }
            case "stop" -> out.printf("Arrêt demandé pour l'exécution %d : elle s'arrêtera à la fin du bloc en cours.%n", id);
            case "abandon" -> out.printf("Exécution %d abandonnée : elle ne sera plus reprise.%n", id);
            default -> out.printf("Exécution %d marquée en échec : reprenez-la avec « jobs restart %d ».%n", id, id);
        }
        return ExitCode.COMPLETED;
    }

    private ExitCode list(CommandArguments args) {
        return new ReadOnlyCommands(jobRepository, report).list(args, out);
    }

    /** A job launched from the command line, its progress shown while it runs (see {@link ProgressDisplay}). */
    private JobExecution withProgress(java.util.concurrent.Callable<JobExecution> launch) throws Exception {
        try (ProgressDisplay progress = ProgressDisplay.start(jobRepository, out, ProgressDisplay.onTerminal(), PLAIN_PROGRESS_INTERVAL)) {
            return launch.call();
        }
    }

    private ExitCode finished(JobExecution execution) {
        report.printRun(execution, out);
        return StatusLabels.exitCode(execution);
    }

    private ExitCode usage(String problem) {
        out.println(problem);
        out.println();
        out.print(Usage.TEXT);
        return ExitCode.BAD_USAGE;
    }

    /** A command line that cannot be understood. */
    static class BadUsageException extends RuntimeException {
        BadUsageException(String message) {
            super(message);
        }
    }

    static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadUsageException("Date invalide : « " + text + " » (format attendu : AAAA-MM-JJ)");
        }
    }
}
