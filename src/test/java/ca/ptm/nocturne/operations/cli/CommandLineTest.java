package ca.ptm.nocturne.operations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.gazelle.GazelleProperties;
import ca.ptm.nocturne.gazelle.source.GazelleSources;
import ca.ptm.nocturne.imports.ImportProperties;
import ca.ptm.nocturne.operations.ExecutionReport;
import ca.ptm.nocturne.operations.ExitCode;
import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.SampleInbox;
import ca.ptm.nocturne.support.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The commands an admin types, end to end against the embedded PostgreSQL: what they print (French) and the exit
 * code a scheduler sees.
 */
@NocturneIntegrationTest
class CommandLineTest {

    @Autowired
    CommandLine applicationCommandLine;
    @Autowired
    JobLaunches launches;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    ExecutionReport report;
    @Autowired
    ImportProperties importProperties;
    @Autowired
    CliProperties cliProperties;
    @Autowired
    DatabaseDescription database;
    @Autowired
    GazelleProperties gazelleProperties;
    @Autowired
    GazelleSources gazelleSources;
    @Autowired
    ca.ptm.nocturne.validation.Revalidation revalidation;
    @Autowired
    ca.ptm.nocturne.operations.schedule.NightlyScheduler scheduler;
    @Autowired
    ca.ptm.nocturne.operations.schedule.ScheduleProperties scheduleProperties;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.springframework.beans.factory.ObjectProvider<ca.ptm.nocturne.operations.remote.SliceWorker> sliceWorker;
    @Autowired
    ca.ptm.nocturne.operations.remote.PartitioningProperties partitioning;
    @Autowired
    ca.ptm.nocturne.reconciliation.PdaBilling pdaBilling;
    @TempDir
    Path temp;

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private CommandLine commandLine;

    @BeforeEach
    void setUp() {
        TestDatabase.clean(jdbc);
        originalOut = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        // CommandLine keeps the System.out of the moment it was built, and the application's bean was built with the
        // (cached) context, before this redirection: a command line built now, from the application's own beans,
        // prints into the captured stream.
        commandLine = new CommandLine(launches, jobRepository, report, importProperties, cliProperties, database,
                gazelleProperties, gazelleSources, revalidation, scheduler, scheduleProperties, sliceWorker, partitioning);
        commandLine.setPdaBilling(pdaBilling);
    }

    @AfterEach
    void restoreOut() {
        System.setOut(originalOut);
    }

    @Test
    void theCommandLineIsABeanThatDoesNotRunInTests() {
        assertThat(applicationCommandLine).isNotNull();
        assertThat(cliProperties.enabled()).isFalse();
        assertThat(applicationCommandLine.getExitCode()).isEqualTo(ExitCode.COMPLETED.code());
    }

    @Test
    void helpPrintsTheUsage() {
        assertThat(execute("--help")).isEqualTo(ExitCode.COMPLETED);

        assertThat(output()).contains("jobs restart").contains("run nightly").contains("run import").contains("Codes de sortie");
    }

    @Test
    void anUnknownCommandIsABadUsageFollowedByTheUsage() {
        assertThat(execute("frobnicate")).isEqualTo(ExitCode.BAD_USAGE);

        assertThat(output()).contains("Commande inconnue : « frobnicate »").contains("jobs restart");
    }

    @Test
    void aWorkerWithoutRemotePartitioningIsRefusedWithWhatToSet() {
        assertThat(execute("worker")).isEqualTo(ExitCode.BAD_USAGE);

        assertThat(output()).contains("NOCTURNE_PARTITIONING_MODE=remote").contains("NOCTURNE_PARTITIONING_RABBITMQ_URI");
    }

    @Test
    void anIncompleteCommandIsABadUsage() {
        assertThat(execute("run")).isEqualTo(ExitCode.BAD_USAGE);
        assertThat(output()).contains("Commande incomplète");
    }

    @Test
    void runImportPrintsTheSummaryOfEveryFileAndSaysItEndedWithWarnings() {
        String inbox = SampleInbox.withSamples(temp).dir();

        assertThat(execute("run", "import", "--dir=" + inbox)).isEqualTo(ExitCode.COMPLETED_WITH_WARNINGS);

        assertThat(output()).contains("terminée avec avertissements")
                .contains("Import des fichiers historiques")
                .contains("lus", "importés", "rejetés", "doublons")
                .contains("pda-demandes-2025-11.csv", "pda-collage-2026-02.tsv", "inventaire-place-des-arts.csv",
                        "fournitures-produits.csv", "fournitures-stock.csv", "fournitures-mouvements.csv", "fournitures-noms.csv")
                .contains("Avertissements :");
        assertThat(line("pda-demandes-2025-11.csv  ", "pda-requests")).as("read, written, rejected, duplicates")
                .matches(".*pda-demandes-2025-11\\.csv\\s+pda-requests\\s+8\\s+4\\s+3\\s+1\\s*");
    }

    @Test
    void runningTheSameImportAgainSaysTheFilesAreAlreadyImported() {
        String inbox = SampleInbox.withSamples(temp).dir();
        execute("run", "import", "--dir=" + inbox);
        captured.reset();

        assertThat(execute("run", "import", "--dir=" + inbox)).isEqualTo(ExitCode.COMPLETED);

        assertThat(output()).contains("Déjà importé").contains("pda-demandes-2025-11.csv");
        assertThat(TestDatabase.count(jdbc, "import_batch")).as("no second batch for the same files").isEqualTo(9);
    }

    @Test
    void theSameNightIsNeverRunTwice() {
        String inbox = SampleInbox.withSamples(temp).dir();

        assertThat(execute("run", "nightly", "--date=2026-01-15", "--dir=" + inbox)).isEqualTo(ExitCode.COMPLETED_WITH_WARNINGS);
        assertThat(output()).contains("Nuit du 2026-01-15").contains("nightly");
        captured.reset();

        assertThat(execute("run", "nightly", "--date=2026-01-15", "--dir=" + inbox)).isEqualTo(ExitCode.BAD_USAGE);

        assertThat(output()).contains("La nuit du 2026-01-15 est déjà terminée");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM batch.batch_job_execution e "
                + "JOIN batch.batch_job_instance i ON i.job_instance_id = e.job_instance_id WHERE i.job_name = 'nightly'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void anInvalidDateIsABadUsage() {
        assertThat(execute("run", "nightly", "--date=2026-13-45")).isEqualTo(ExitCode.BAD_USAGE);

        assertThat(output()).contains("Date invalide : « 2026-13-45 »");
        assertThat(TestDatabase.count(jdbc, "batch.batch_job_execution")).isZero();
    }

    @Test
    void jobsListShowsTheExecutionsAndFiltersByStatus() {
        long id = importSamples();

        assertThat(execute("jobs", "list")).isEqualTo(ExitCode.COMPLETED);
        assertThat(output()).contains("Statut").contains("Paramètres");
        assertThat(line(" import ")).matches("\\s*" + id + "\\s+import\\s+terminée avec avertissements.*requested\\.at=.*");
        captured.reset();

        assertThat(execute("jobs", "list", "--status=FAILED")).isEqualTo(ExitCode.COMPLETED);
        assertThat(output()).contains("Aucune exécution au statut FAILED").doesNotContain("requested.at=");
    }

    @Test
    void jobsListOnAnEmptyRepositorySaysThereIsNone() {
        assertThat(execute("jobs", "list")).isEqualTo(ExitCode.COMPLETED);
        assertThat(output()).contains("Aucune exécution.");
    }

    @Test
    void anUnknownStatusIsABadUsage() {
        assertThat(execute("jobs", "list", "--status=BROKEN")).isEqualTo(ExitCode.BAD_USAGE);
        assertThat(output()).contains("Statut inconnu : « BROKEN »");
    }

    @Test
    void jobsShowPrintsTheStepsTheFilesAndTheFirstRejects() {
        long id = importSamples();

        assertThat(execute("jobs", "show", String.valueOf(id))).isEqualTo(ExitCode.COMPLETED);

        assertThat(output()).contains("Exécution " + id + " — job « import »")
                .contains("import-scan-inbox", "import-pda-requests")
                .contains("pda-demandes-2025-11.csv", "fournitures-stock.csv")
                .contains("Premières lignes rejetées")
                .contains("requested.at = ").contains("(identifiant)");
        assertThat(line("ligne 6")).contains("pda-demandes-2025-11.csv").contains("MISSING_REQUIRED");
    }

    // Spring Batch 6.0.6 throws for an unknown id instead of returning null: still a refusal (exit 2), not a failure.
    @ParameterizedTest(name = "jobs {0} 999999")
    @ValueSource(strings = {"show", "restart", "abandon", "stop", "recover"})
    void anUnknownExecutionIsRefused(String action) {
        assertThat(execute("jobs", action, "999999")).as(this::output).isEqualTo(ExitCode.BAD_USAGE);
        assertThat(output()).contains("Aucune exécution n° 999999");
    }

    @Test
    void jobsShowWithANonNumericIdIsABadUsage() {
        assertThat(execute("jobs", "show", "abc")).isEqualTo(ExitCode.BAD_USAGE);
        assertThat(output()).contains("Numéro d'exécution invalide : « abc »");
    }

    @Test
    void aCompletedRunCanBeNeitherRestartedNorAbandoned() {
        long id = importSamples();

        assertThat(execute("jobs", "restart", String.valueOf(id))).isEqualTo(ExitCode.BAD_USAGE);
        assertThat(output()).contains("déjà terminée");
        captured.reset();

        assertThat(execute("jobs", "abandon", String.valueOf(id))).isEqualTo(ExitCode.BAD_USAGE);
        assertThat(output()).contains("rien à abandonner");
        assertThat(TestDatabase.count(jdbc, "batch.batch_job_execution")).as("no execution was added").isEqualTo(1);
    }

    @Test
    void aFailedImportIsRestartableUntilAbandonedAndBlocksTheNextImportMeanwhile() {
        SampleInbox garbage = SampleInbox.empty(temp.resolve("garbage")).write("produits-corrompus.csv", mostlyGarbageProducts());

        assertThat(execute("run", "import", "--dir=" + garbage.dir())).isEqualTo(ExitCode.FAILED);
        long failedId = lastExecutionId();
        assertThat(output()).contains("échouée")
                .contains("Échec à l'étape « import-products »")
                .contains("jobs restart " + failedId);
        captured.reset();

        String samples = SampleInbox.withSamples(temp.resolve("samples")).dir();
        assertThat(execute("run", "import", "--dir=" + samples)).as("refused while the failed import is not dealt with")
                .isEqualTo(ExitCode.BAD_USAGE);
        assertThat(output()).contains("jobs restart " + failedId).contains("jobs abandon " + failedId);
        assertThat(lastExecutionId()).isEqualTo(failedId);
        captured.reset();

        assertThat(execute("jobs", "abandon", String.valueOf(failedId))).isEqualTo(ExitCode.COMPLETED);
        assertThat(output()).contains("Exécution " + failedId + " abandonnée");
        captured.reset();

        assertThat(execute("jobs", "list", "--status=ABANDONED")).isEqualTo(ExitCode.COMPLETED);
        assertThat(line(" import ")).matches("\\s*" + failedId + "\\s+import\\s+abandonnée.*");
        captured.reset();

        assertThat(execute("jobs", "restart", String.valueOf(failedId))).as("an abandoned run is not restarted")
                .isEqualTo(ExitCode.BAD_USAGE);
        assertThat(output()).contains("abandonnée");
        captured.reset();

        assertThat(execute("run", "import", "--dir=" + samples)).isEqualTo(ExitCode.COMPLETED_WITH_WARNINGS);
        assertThat(lastExecutionId()).isGreaterThan(failedId);
    }

    @Test
    void aRefusedFolderIsExitTwoWithOneFrenchLineAndNoJobInstanceToAbandon() {
        assertThat(execute("run", "import", "--dir=/etc")).isEqualTo(ExitCode.BAD_USAGE);
        assertThat(output().lines().toList()).singleElement().satisfies(l -> assertThat(l).startsWith("Dossier d'entrée refusé : /etc")
                .contains("nocturne.import.allowed-roots"));
        captured.reset();

        assertThat(execute("run", "import", "--dir=" + temp.resolve("absent"))).isEqualTo(ExitCode.BAD_USAGE);
        assertThat(output().lines().toList()).singleElement().satisfies(l -> assertThat(l).startsWith("Dossier d'entrée introuvable"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM batch.batch_job_instance", Integer.class)).isZero();
        captured.reset();

        assertThat(execute("run", "import", "--dir=" + SampleInbox.withSamples(temp).dir()))
                .as("nothing blocks the next import").isEqualTo(ExitCode.COMPLETED_WITH_WARNINGS);
    }

    @Test
    void theSkipLimitFailureNamesTheFileAndTheCountWithoutAStackTrace() {
        SampleInbox garbage = SampleInbox.empty(temp.resolve("garbage")).write("produits-corrompus.csv", mostlyGarbageProducts());

        assertThat(execute("run", "import", "--dir=" + garbage.dir())).isEqualTo(ExitCode.FAILED);

        assertThat(output()).contains("Trop de lignes rejetées dans produits-corrompus.csv : ").doesNotContain("\tat ")
                .doesNotContain("Exception");
    }

    private long importSamples() {
        assertThat(execute("run", "import", "--dir=" + SampleInbox.withSamples(temp).dir()))
                .isEqualTo(ExitCode.COMPLETED_WITH_WARNINGS);
        captured.reset();
        return lastExecutionId();
    }

    @Test
    void pdaBillDryRunListsTheMonthWithItsTotalAndBillingNeedsAName() {
        jdbc.update("""
                INSERT INTO pda_request (legacy_id, business_key, source, appointment_date, room_original, for_who, status, parking_amount)
                VALUES ('a', 'ka', 'manual', '2026-11-05', 'WP', 'Gala', 'COMPLETED', 15.00),
                       ('b', 'kb', 'manual', '2026-11-06', 'MS', 'Récital', 'ASSIGN_OK', NULL)""");

        assertThat(execute("run", "pda-bill", "--month=2026-11", "--dry-run")).isEqualTo(ExitCode.COMPLETED);
        assertThat(output()).contains("novembre 2026 : 1 demande(s) à facturer (simulation, rien n'est changé)")
                .contains("Gala").doesNotContain("Récital").contains("Total : 190,00");
        assertThat(execute("run", "pda-bill", "--month=2026-11")).isEqualTo(ExitCode.BAD_USAGE);
        assertThat(output()).contains("demande qui facture : --by=NOM");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pda_request WHERE status = 'BILLED'", Integer.class)).isZero();

        assertThat(execute("run", "pda-bill", "--month=2026-11", "--by=Allan")).isEqualTo(ExitCode.COMPLETED);
        assertThat(output()).contains("1 demande(s) facturée(s) par Allan");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pda_request WHERE status = 'BILLED'", Integer.class)).isEqualTo(1);
    }

    private ExitCode execute(String... args) {
        return commandLine.execute(CommandArguments.parse(args));
    }

    private String output() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** The single printed line that contains every one of {@code texts}. */
    private String line(String... texts) {
        String text = String.join("' and '", texts);
        return output().lines().filter(l -> java.util.Arrays.stream(texts).allMatch(l::contains)).reduce((a, b) -> {
            throw new AssertionError("More than one line contains '" + text + "':\n" + a + "\n" + b);
        }).orElseThrow(() -> new AssertionError("No line contains '" + text + "' in:\n" + output()));
    }

    private long lastExecutionId() {
        return jdbc.queryForObject("SELECT max(job_execution_id) FROM batch.batch_job_execution", Long.class);
    }

    /** One good product, then 150 rows whose cost is unreadable: more rejects than the skip limit tolerates. */
    private static String mostlyGarbageProducts() {
        StringBuilder garbage = new StringBuilder("ProductId,Name,Sku,UnitCost,RetailPrice,Active,CreatedAt\n");
        garbage.append("201,Feutre démo,FEU-001,\"1,00\",2.00,True,\n");
        for (int i = 0; i < 150; i++) {
            garbage.append(300 + i).append(",Produit ").append(i).append(",X-").append(i).append(",n/a,,True,\n");
        }
        return garbage.toString();
    }
}
