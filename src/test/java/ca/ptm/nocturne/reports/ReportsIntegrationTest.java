package ca.ptm.nocturne.reports;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.reports.csv.CsvReportWriter;
import ca.ptm.nocturne.reports.jasper.PdfReportWriter;
import ca.ptm.nocturne.reports.jasper.ReportTemplates;
import ca.ptm.nocturne.reports.model.ReportBuilder;
import ca.ptm.nocturne.shared.time.BusinessTime;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.TestDatabase;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/** The five reports rendered from rows in PostgreSQL, read back with PDFBox and opencsv. */
@NocturneIntegrationTest
@TestPropertySource(properties = "nocturne.reports.output-dir=target/test-reports")
class ReportsIntegrationTest {

    static final LocalDate RUN = LocalDate.of(2026, 11, 24);
    static final String NBSP = "\u00A0";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReportService reports;
    @Autowired
    List<ReportBuilder> builders;
    @Autowired
    ReportTemplates templates;
    @Autowired
    ReportsProperties properties;
    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void data() {
        TestDatabase.clean(jdbc);
        ReportData.insert(jdbc);
    }

    /** The institution links are reference data that TestDatabase.clean keeps: give them back as the migration left them. */
    @AfterEach
    void unlinkInstitutions() {
        ReportData.unlink(jdbc);
    }

    @Test
    void writesAPdfAndACsvPerReportInTheDatedFolder() throws Exception {
        List<Path> files = reports.generate(RUN, Set.of());

        assertThat(files).extracting(f -> f.getFileName().toString()).containsExactly(
                "inventaire-pianos-2026-11-24.pdf", "inventaire-pianos-2026-11-24.csv",
                "entretien-2026-11-24.pdf", "entretien-2026-11-24.csv",
                "contrats-service-2026-11-24.pdf", "contrats-service-2026-11-24.csv",
                "facturation-pda-2026-11.pdf", "facturation-pda-2026-11.csv",
                "inventaire-fournitures-2026-11-24.pdf", "inventaire-fournitures-2026-11-24.csv");
        assertThat(files).allSatisfy(f -> {
            assertThat(f).isAbsolute().exists();
            assertThat(f.getParent().getFileName().toString()).isEqualTo("2026-11-24");
        });
        for (Path pdf : files.stream().filter(f -> f.toString().endsWith(".pdf")).toList()) {
            int pages = PdfFiles.pages(pdf);
            String text = PdfFiles.text(pdf);
            assertThat(text).as(pdf.toString()).contains("Page 1 de " + pages).contains("Généré le ");
            assertThat(PdfFiles.fontCount(pdf)).isPositive();
            assertThat(PdfFiles.fontsNotEmbedded(pdf)).as("fonts not embedded in " + pdf).isEmpty();
        }
        assertThat(Files.list(files.get(0).getParent())).noneMatch(f -> f.toString().endsWith(".part"));
    }

    @Test
    void pianoInventoryListsVisiblePianosWithOverdueMarkedAndTotals() throws Exception {
        List<Path> files = reports.generate(RUN, EnumSet.of(ReportKind.INVENTAIRE));
        String text = PdfFiles.text(files.get(0));

        assertThat(text).contains("Inventaire des pianos", "État du parc au 24 novembre 2026", "Place des Arts",
                "École de musique", "Steinway", "queue", "droit", "1 septembre 2026", "⚠ 84");
        assertThat(text).doesNotContain("Yamaha").doesNotContain("Bösendorfer");
        assertThat(text.indexOf("Heintzman")).as("inactive listed last").isGreaterThan(text.indexOf("Fazioli"));
        assertThat(text.indexOf("K-2")).as("Local 2 before Local 10").isLessThan(text.indexOf("K-10"));

        List<String[]> csv = csv(files.get(1));
        assertThat(csv.get(0)).containsExactly("Institution", "Local", "Marque", "Modèle", "N° de série", "Type", "Année",
                "Statut", "PLS", "Dernier accord", "Prochain accord", "Intervalle (mois)", "Jours de retard", "Priorité", "À faire");
        assertThat(csv).anySatisfy(row -> assertThat(row).startsWith("Place des Arts", "TM", "Steinway", "D", "597322")
                .contains("⚠ 84", "'" + ReportData.FORMULA));
        assertThat(csv).anySatisfy(row -> assertThat(row).contains(ReportData.NEEDS_QUOTES));
        assertThat(csv).anySatisfy(row -> assertThat(row).startsWith("Total — Place des Arts", "Pianos", "3"));
        assertThat(csv).anySatisfy(row -> assertThat(row).startsWith("Total — Place des Arts", "En retard", "1"));
        assertThat(csv).anySatisfy(row -> assertThat(row).startsWith("Total — Place des Arts", "Avec PLS", "1"));
        assertThat(csv).allSatisfy(row -> assertThat(row).hasSize(15));
    }

    @Test
    void csvHasBomSemicolonsRfc4180QuotingAndNoLiveFormula() throws Exception {
        Path file = reports.generate(RUN, EnumSet.of(ReportKind.INVENTAIRE)).get(1);
        byte[] bytes = Files.readAllBytes(file);
        String raw = new String(bytes, StandardCharsets.UTF_8);

        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(raw.substring(1)).startsWith("Institution;Local;Marque;Modèle;");
        assertThat(raw).contains("\r\n");
        assertThat(raw).contains(";\"Vérifier; \"\"pédale\"\" droite\"");
        assertThat(raw).contains(";\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"clic\"\")\"").doesNotContain(";=HYPERLINK");
    }

    @Test
    void maintenanceLogOfThePreviousThirtyDaysNewestFirstWithChart() throws Exception {
        List<Path> files = reports.generate(RUN, EnumSet.of(ReportKind.ENTRETIEN));
        String text = PdfFiles.text(files.get(0));

        assertThat(text).contains("Entretien", "Du 25 octobre 2026 au 23 novembre 2026", "Théâtre Maisonneuve",
                "Steinway D #597322 (GRAND, 1994)", "Nicolas", "20 novembre 2026", "21,5", "442", "41,5");
        assertThat(text).doesNotContain("Hors période").doesNotContain("Client résidentiel");
        List<String[]> csv = csv(files.get(1));
        assertThat(csv.get(1)).startsWith("École de musique", "10 novembre 2026");
        assertThat(csv.get(2)).startsWith("Place des Arts", "20 novembre 2026", "TM");
        assertThat(csv).anySatisfy(row -> assertThat(row).startsWith("Total — Place des Arts", "Services", "1"));
        // the service note "Accord 442 Hz" has no stored pitch: the report reads it from the note and counts a measure
        assertThat(csv).anySatisfy(row -> assertThat(row).containsExactly("Place des Arts", "20 novembre 2026", "TM",
                "Steinway D #597322 (GRAND, 1994)", "Nicolas", "Service", "Accord 442 Hz, Théâtre Maisonneuve, stat 20", "", "", "442", ""));
        assertThat(csv).anySatisfy(row -> assertThat(row).startsWith("Total — Place des Arts", "Mesures", "2"));
        assertThat(csv).anySatisfy(row -> assertThat(row).startsWith("Total général", "Mesures", "3"));
        assertThat(csv).anySatisfy(row -> assertThat(row).startsWith("Total général", "Alertes ouvertes", "0"));
    }

    /** Thousands of rows: streamed from a cursor, yet every row, every section total and the grand totals are there. */
    @Test
    void aLongMaintenanceLogIsStreamedWithEveryRowAndItsTotals() throws Exception {
        jdbc.update("""
                INSERT INTO gazelle_timeline_entries (external_id, client_id, piano_id, user_id, occurred_at, occurred_date,
                                                      entry_type, title, description, temperature_c, humidity_pct, pitch_hz)
                SELECT 'tme_long_' || i, CASE WHEN i % 3 = 0 THEN 'cli_pda' ELSE NULL END,
                       CASE WHEN i % 3 = 0 THEN 'pno_tm' ELSE 'pno_e1' END, 'usr_nic',
                       (DATE '2026-11-23' - i % 30) + time '09:00' + i * interval '1 second', DATE '2026-11-23' - i % 30,
                       CASE WHEN i % 4 = 0 THEN 'PIANO_MEASUREMENT' ELSE 'SERVICE_ENTRY_MANUAL' END, 'Service',
                       CASE WHEN i % 4 = 0 THEN NULL ELSE 'Accord n° ' || i || ', pédale réglée' END,
                       CASE WHEN i % 4 = 0 THEN 21.5 END, CASE WHEN i % 4 = 0 THEN 30 + i % 20 END, NULL
                FROM generate_series(1, 2400) AS i""");
        List<Path> files = reports.generate(RUN, EnumSet.of(ReportKind.ENTRETIEN));

        List<String[]> csv = csv(files.get(1));
        List<String[]> rows = csv.subList(1, csv.size()).stream().filter(r -> !r[0].startsWith("Total")).toList();
        assertThat(rows).hasSize(2400 + 3);
        assertThat(rows).extracting(r -> r[0]).isSortedAccordingTo(java.text.Collator.getInstance(java.util.Locale.CANADA_FRENCH));
        for (String institution : List.of("École de musique", "Place des Arts")) {
            List<LocalDate> days = rows.stream().filter(r -> r[0].equals(institution)).map(r -> frenchDate(r[1])).toList();
            assertThat(days).as(institution + " newest first").isSortedAccordingTo(java.util.Comparator.reverseOrder());
        }
        // per institution: the fixture's entries plus every third (PdA) or the other two (school) of the 2,400
        assertThat(csv).anySatisfy(row -> assertThat(row).startsWith("Total — Place des Arts", "Services", "601"));
        assertThat(csv).anySatisfy(row -> assertThat(row).startsWith("Total — Place des Arts", "Mesures", "202"));
        assertThat(csv).anySatisfy(row -> assertThat(row).startsWith("Total — École de musique", "Services", "1" + NBSP + "200"));
        assertThat(csv).anySatisfy(row -> assertThat(row).startsWith("Total — École de musique", "Mesures", "401"));
        assertThat(csv).anySatisfy(row -> assertThat(row).startsWith("Total général", "Services", "1" + NBSP + "801"));
        assertThat(csv).anySatisfy(row -> assertThat(row).startsWith("Total général", "Mesures", "603"));

        Path pdf = files.get(0);
        int pages = PdfFiles.pages(pdf);
        String text = PdfFiles.text(pdf);
        assertThat(pages).isGreaterThan(50);
        assertThat(text).contains("Page 1 de " + pages, "Page " + pages + " de " + pages, "Accord n° 2399, pédale réglée",
                "Total — Place des Arts", "Total — École de musique", "1" + NBSP + "801");
    }

    static LocalDate frenchDate(String text) {
        return LocalDate.parse(text, java.time.format.DateTimeFormatter.ofPattern("d MMMM uuuu", java.util.Locale.CANADA_FRENCH));
    }

    @Test
    void contractsComputeSubtotalTaxesAndWarnWhenInstalmentsDoNotAddUp() throws Exception {
        List<Path> files = reports.generate(RUN, EnumSet.of(ReportKind.CONTRATS));
        String text = PdfFiles.text(files.get(0));

        assertThat(text).contains("Contrats de service", "Académie d'été — saison 2025", "14" + NBSP + "847,00" + NBSP + "$",
                "4" + NBSP + "949,00" + NBSP + "$", "247,45" + NBSP + "$", "493,66" + NBSP + "$",
                "5" + NBSP + "690,11" + NBSP + "$", "22 juin 2025", "dû", "10 × 173,95" + NBSP + "$");
        assertThat(text).contains("ne totalisent pas le sous-total (6" + NBSP + "000,00" + NBSP + "$)");
        List<String[]> csv = csv(files.get(1));
        assertThat(csv).anySatisfy(row -> assertThat(row).contains("4" + NBSP + "949,00" + NBSP + "$",
                "247,45" + NBSP + "$", "493,66" + NBSP + "$", "5" + NBSP + "690,11" + NBSP + "$"));
        assertThat(csv).anySatisfy(row -> assertThat(row).startsWith("Total général", "Sous-total", "20" + NBSP + "847,00" + NBSP + "$"));
    }

    @Test
    void placeDesArtsBillingOfTheMonthWithStatusLabelsAndToBillSubtotal() throws Exception {
        // evt_1, the appointment of the completed request, with Nicolas's note on its piano that day (issue 19)
        jdbc.update("""
                INSERT INTO gazelle_appointments (external_id, client_external_id, piano_external_id, title, appointment_date,
                                                  appointment_time, status, technicien, event_type)
                VALUES ('evt_1', 'cli_pda', 'pno_tm', 'Concert', '2026-11-05', '14:30', 'COMPLETE', 'usr_nic', 'APPOINTMENT')""");
        jdbc.update("""
                INSERT INTO gazelle_timeline_entries (external_id, client_id, piano_id, user_id, occurred_at, occurred_date, entry_type,
                                                      title, description)
                VALUES ('tme_pda', 'cli_pda', 'pno_tm', 'usr_nic', '2026-11-05 16:00-05', '2026-11-05', 'SERVICE_ENTRY_MANUAL', 'Service',
                        'Accord 442 avant le concert, unisson du do 4 repris, pédale douce ajustée, stationnement 20,00 au quai')""");
        List<Path> files = reports.generate(RUN, EnumSet.of(ReportKind.FACTURATION_PDA));
        String text = PdfFiles.text(files.get(0));

        assertThat(text).contains("Facturation Place des Arts", "Mois de novembre 2026", "Théâtre Maisonneuve",
                "Maison symphonique", "14 h 30", "avant 10 h", "Complété", "Facturé", "Nouveau", "NI", "AL",
                "5 nov. 14 h 30", "Nicolas", "Note de service", "Accord 442 avant", "ajustée…",
                "1" + NBSP + "234,56" + NBSP + "$", "195,00" + NBSP + "$", "► À facturer");
        assertThat(text).doesNotContain("Octobre").doesNotContain("evt_1").doesNotContain("stationnement 20");
        List<String[]> csv = csv(files.get(1));
        assertThat(csv.get(0)).startsWith("Date RV", "Heure", "Salle").endsWith("RV Gazelle", "N° RV Gazelle", "Note de service");
        assertThat(csv.get(1)).startsWith("5 novembre 2026", "14 h 30", "Théâtre Maisonneuve", "Concert \"Pelletier\"; soirée")
                .contains("► À facturer").endsWith("5 nov. 14 h 30 · Nicolas", "evt_1",
                        "Accord 442 avant le concert, unisson du do 4 repris, pédale douce ajustée…");
        assertThat(csv.get(2)).contains("Facturé", "evt_2").doesNotContain("► À facturer");
        assertThat(csv).anySatisfy(row -> assertThat(row).startsWith("Total général", "Total général", "1" + NBSP + "604,56" + NBSP + "$"));
        assertThat(csv).anySatisfy(row -> assertThat(row).startsWith("Total général", "Demandes « Complété »", "1"));
        assertThat(csv).anySatisfy(row -> assertThat(row).startsWith("Total général", "À facturer (complétées non facturées : 1)",
                "195,00" + NBSP + "$"));
    }

    @Test
    void suppliesByTechnicianWithItemsUnderThresholdFirstAndStockValue() throws Exception {
        List<Path> files = reports.generate(RUN, EnumSet.of(ReportKind.FOURNITURES));
        String text = PdfFiles.text(files.get(0));

        assertThat(text).contains("Inventaire des fournitures", "Nicolas", "Allan", "⚠ sous le seuil", "Buvard pour humidificateur",
                "154,97" + NBSP + "$");
        List<String[]> csv = csv(files.get(1));
        assertThat(csv).anySatisfy(row -> assertThat(row).startsWith("Nicolas", "Atelier", "BUV-001")
                .contains("⚠ sous le seuil", "2", "\u22122"));
        assertThat(csv).anySatisfy(row -> assertThat(row).startsWith("Total — Nicolas", "Valeur du stock", "154,97" + NBSP + "$"));
        assertThat(csv).anySatisfy(row -> assertThat(row).startsWith("Total — Nicolas", "Articles", "2"));
    }

    @Test
    void anEmptyPeriodGivesAReportThatSaysSo() throws Exception {
        TestDatabase.clean(jdbc);
        List<Path> files = reports.generate(LocalDate.of(2030, 1, 15), Set.of());

        assertThat(files).hasSize(10);
        for (Path pdf : files.stream().filter(f -> f.toString().endsWith(".pdf")).toList()) {
            assertThat(PdfFiles.pages(pdf)).as(pdf.toString()).isEqualTo(1);
            assertThat(PdfFiles.text(pdf)).contains("Aucune donnée pour cette période", "Page 1 de 1");
        }
        for (Path file : files.stream().filter(f -> f.toString().endsWith(".csv")).toList()) {
            List<String[]> csv = csv(file);
            assertThat(csv).hasSize(2);
            assertThat(csv.get(1)[0]).isEqualTo("Aucune donnée pour cette période");
        }
        assertThat(files.get(6).getFileName().toString()).isEqualTo("facturation-pda-2030-01.pdf");
    }

    /**
     * The first page of each report renders as a picture. Written under target/ only: the README pictures come from
     * the demonstration night (docs/render-report-pictures.sh), never from a test, which must not write tracked files.
     */
    @Test
    void theFirstPageOfEachReportRendersAsAPicture() throws Exception {
        Clock fixed = Clock.fixed(ZonedDateTime.of(2026, 11, 24, 6, 15, 0, 0, BusinessTime.ZONE).toInstant(), BusinessTime.ZONE);
        ReportService samples = new ReportService(builders, properties, new PdfReportWriter(templates),
                new CsvReportWriter(properties.csvSeparator()), fixed, ReportsConfiguration.readingTransaction(transactions));
        for (Path pdf : samples.generate(RUN, Set.of())) {
            if (pdf.toString().endsWith(".pdf")) {
                String name = pdf.getFileName().toString().replaceAll("-\\d{4}-\\d{2}(-\\d{2})?\\.pdf$", ".png");
                Path png = Path.of("target/report-pictures").resolve(name);
                PdfFiles.firstPageAsPng(pdf, png);
                assertThat(png).isNotEmptyFile();
            }
        }
    }

    static List<String[]> csv(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        try (CSVReader reader = new CSVReaderBuilder(new StringReader(text.substring(1)))
                .withCSVParser(new RFC4180ParserBuilder().withSeparator(';').build()).build()) {
            return reader.readAll();
        }
    }
}
