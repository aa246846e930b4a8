package ca.ptm.nocturne.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.operations.OperationRefusedException;
import ca.ptm.nocturne.operations.SyncOptions;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.Steps;
import ca.ptm.nocturne.support.TableChecksums;
import ca.ptm.nocturne.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The demonstration night (jobs/samples/demonstration, 2025-12-01) shows the product: every report has rows, the
 * fleet overlay links the inventory files to Gazelle and lists the leftovers on both sides, the maintenance alerts are
 * found once, the contracts add up, and the morning email carries the HTML part and the five PDFs.
 */
@NocturneIntegrationTest
@TestPropertySource(properties = {"nocturne.reports.output-dir=target/demonstration-night", "nocturne.mail.outbox=target/demonstration-outbox"})
class DemonstrationNightIntegrationTest {

    static final LocalDate NIGHT = LocalDate.of(2025, 12, 1);
    static final Path IMPORTS = Path.of("jobs/samples/demonstration/import");
    static final SyncOptions GAZELLE = new SyncOptions("files", "jobs/samples/demonstration/gazelle", false);

    @Autowired
    JobLaunches launches;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FleetOverlay overlay;
    @Autowired
    AlertScan scan;
    @Autowired
    MaintenanceAlerts alerts;
    @TempDir
    Path temp;

    @BeforeEach
    void clean() {
        TestDatabase.clean(jdbc);
    }

    @Test
    void theDemonstrationNightShowsTheProduct() throws Exception {
        long started = System.nanoTime();
        JobExecution night = launches.runNightly(NIGHT, inbox(), null, GAZELLE);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(night.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(took).as("the demonstration stays well under a minute").isLessThan(Duration.ofSeconds(60));

        // the fleet overlay: 22 of the 27 inventory rows linked (19 by serial, 3 by make + model + room)
        assertThat(jdbc.queryForList("SELECT coalesce(link_method, '-') || ' ' || count(*) FROM venue_piano GROUP BY link_method ORDER BY 1",
                String.class)).containsExactly("- 5", "make_model_room 3", "serial 19");
        assertThat(jdbc.queryForObject("SELECT piano_external_id FROM venue_piano WHERE serial_raw = 'B2PE J0000001'", String.class))
                .as("a model glued to the serial").isEqualTo("ins_DEMO0000000002");
        assertThat(jdbc.queryForObject("SELECT piano_external_id FROM venue_piano WHERE piano_text = 'Roland HP704'", String.class))
                .as("no serial: make, model and room").isEqualTo("ins_DEMO0000000033");
        assertThat(jdbc.queryForList("SELECT slug FROM institution WHERE gazelle_client_external_id IS NOT NULL ORDER BY slug",
                String.class)).containsExactly("academie-ete", "ecole-de-musique", "place-des-arts", "salle-universitaire");

        // the maintenance alerts of November: each keyword kind, six readings outside 35-55 %, one PLS contradiction
        assertThat(jdbc.queryForList("SELECT alert_type || ' ' || count(*) FROM maintenance_alert GROUP BY alert_type ORDER BY 1", String.class))
                .containsExactly("alimentation 1", "autre 2", "housse 1", "humidite 6", "pls 1", "reservoir 1");
        assertThat(Steps.named(night, MaintenanceConfiguration.ALERTS_STEP).getWriteCount()).isEqualTo(12);

        Path reports = Path.of("target/demonstration-night/2025-12-01");
        for (String csv : List.of("inventaire-pianos-2025-12-01.csv", "entretien-2025-12-01.csv", "contrats-service-2025-12-01.csv",
                "facturation-pda-2025-11.csv", "inventaire-fournitures-2025-12-01.csv")) {
            String text = Files.readString(reports.resolve(csv), StandardCharsets.UTF_8);
            assertThat(text).as(csv).doesNotContain("Aucune donnée pour cette période");
            assertThat(text.lines().count()).as(csv).isGreaterThan(5);
        }
        String inventory = Files.readString(reports.resolve("inventaire-pianos-2025-12-01.csv"), StandardCharsets.UTF_8);
        assertThat(inventory).contains("Place des Arts;MS;Steinway;D;400200;queue;2004;Actif;non;20 janvier 2026;20 avril 2026;3;;"
                + "Inaccessible;Ré 5 collant, vérifier pédale")
                .contains("Place des Arts;ODM;Yamaha;C7;C75551234;queue;2012;Actif;non;2 juin 2025;2 octobre 2025;4;⚠ 60;2;Régler les étouffoirs")
                .contains("Total — École de musique;Seulement dans le fichier (1) : EM 999 · Yamaha U1 5100999 · n° 5100999")
                .contains("Total — Place des Arts;\"Seulement dans le fichier (3) : SCL · Petrof P118 · n° P118 0042 ; "
                        + "WP · Steinway D 400100 · n° 400100 ; ? · Yamaha U1\"")
                .contains("Total — Place des Arts;\"Seulement dans Gazelle (2) : TJD · Yamaha U3 · n° 4455667 · ins_DEMO0000000015 ; "
                        + "WP loge A · Fazioli F278 · n° 2780123 · ins_DEMO0000000014\"")
                .contains("Total — Salle de concert universitaire;Seulement dans le fichier (1) : Foyer · Yamaha GB1")
                .contains("Total — Salle de concert universitaire;Seulement dans Gazelle (1) : Loge 1 · Yamaha U1 · n° 5209911")
                .contains("Total général;En retard;7");
        String maintenance = Files.readString(reports.resolve("entretien-2025-12-01.csv"), StandardCharsets.UTF_8);
        assertThat(maintenance)
                .contains(";Service;Accord 442 Hz pour l'orchestre. 21°, 41%. Piano laissé sans housse après la répétition.;21;41;442;")
                .contains(";Alerte;Accord 442 Hz pour l'orchestre. 21°, 41%. Piano laissé sans housse après la répétition.;;;;housse — résolue : non")
                .contains(";Service;Retouche avant concert, diapason 442. 19°, 29%. Le PLS semble branché mais ne suffit pas.;19;29;442;")
                .contains("Total général;Alertes ouvertes;12");
        String contracts = Files.readString(reports.resolve("contrats-service-2025-12-01.csv"), StandardCharsets.UTF_8);
        // amounts use a no-break space (thousands and before $)
        assertThat(contracts).contains(money("Total — Académie d'été — saison 2025;Payé (taxes incluses);17~070,34~$"))
                .contains(money(";3;15 août 2025;4~949,00~$;247,45~$;493,67~$;5~690,12~$;29 août 2025"))
                .doesNotContain("Total — Académie d'été — saison 2026;⚠");

        // the outbox: Nicolas's alerts (to Allan: no alerts-to configured) and the summary with its five PDFs
        String summary = Files.readString(Path.of(Steps.named(night, "send-morning-email").getExecutionContext().getString("mail.eml")),
                StandardCharsets.ISO_8859_1);
        assertThat(summary).contains("Content-Type: multipart/alternative").contains("Content-Type: text/html");
        assertThat(summary.split("Content-Type: application/pdf", -1)).hasSize(6);
        assertThat(jdbc.queryForList("SELECT kind || ' ' || status || ' ' || attachments FROM mail_delivery ORDER BY id", String.class))
                .containsExactly("MAINTENANCE OUTBOX 0", "SUMMARY OUTBOX 5");
    }

    @Test
    void overlayAndScanAreIdempotentAndAResolvedAlertStaysResolved() throws Exception {
        JobExecution night = launches.runNightly(NIGHT, inbox(), null, GAZELLE);
        assertThat(night.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        var before = TableChecksums.of(jdbc);

        assertThat(overlay.link().linked()).isEqualTo(22);
        assertThat(scan.scan(NIGHT, 999L)).as("nothing new on a second scan").isZero();
        assertThat(TableChecksums.of(jdbc)).isEqualTo(before);

        long housse = jdbc.queryForObject("SELECT id FROM maintenance_alert WHERE alert_type = 'housse'", Long.class);
        MaintenanceAlerts.Alert resolved = alerts.resolve(housse, "Nicolas");
        assertThat(resolved.resolved()).isTrue();
        assertThat(resolved.resolvedBy()).isEqualTo("Nicolas");
        assertThat(jdbc.queryForObject("SELECT who || ' ' || action || ' ' || outcome FROM console_audit", String.class))
                .isEqualTo("Nicolas alerts resolve " + housse + " DONE");
        assertThatThrownBy(() -> alerts.resolve(housse, "Allan")).isInstanceOf(OperationRefusedException.class)
                .hasMessage("L'alerte n° " + housse + " est déjà résolue (par Nicolas).");
        assertThatThrownBy(() -> alerts.resolve(424242, "Allan")).hasMessage("Aucune alerte n° 424242.");
        assertThatThrownBy(() -> alerts.resolve(housse, " ")).hasMessage("Indiquez qui résout l'alerte : --by=NOM");

        assertThat(scan.scan(NIGHT.plusDays(1), 1000L)).isZero();
        assertThat(jdbc.queryForObject("SELECT resolved FROM maintenance_alert WHERE id = ?", Boolean.class, housse)).isTrue();
        assertThat(alerts.open()).hasSize(11);

        // a link fixed by hand is never undone by the overlay
        jdbc.update("UPDATE venue_piano SET piano_external_id = 'ins_DEMO0000000015', link_method = 'manual' WHERE piano_text = 'Petrof P118'");
        overlay.link();
        assertThat(jdbc.queryForObject("SELECT piano_external_id || ' ' || link_method FROM venue_piano WHERE piano_text = 'Petrof P118'",
                String.class)).isEqualTo("ins_DEMO0000000015 manual");
    }

    private static String money(String text) {
        return text.replace('~', '\u00A0');
    }

    private String inbox() throws Exception {
        Path inbox = Files.createDirectories(temp.resolve("inbox"));
        try (Stream<Path> files = Files.list(IMPORTS)) {
            for (Path file : files.toList()) {
                Files.copy(file, inbox.resolve(file.getFileName()));
            }
        }
        return inbox.toString();
    }
}
