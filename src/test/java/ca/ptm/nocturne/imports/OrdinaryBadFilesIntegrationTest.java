package ca.ptm.nocturne.imports;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.imports.inbox.ImportManifest;
import ca.ptm.nocturne.imports.inbox.ScanNote;
import ca.ptm.nocturne.operations.ExecutionReport;
import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.shared.batch.RunWarnings;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.SampleInbox;
import ca.ptm.nocturne.support.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Files of the kind the office really produces, against PostgreSQL (issue 17): a stray quote, a file still being
 * written, entries of the inbox that are not files, a duplicate product code. Every good row is accounted for by
 * name, every physical line by the line accounting.
 */
@NocturneIntegrationTest
class OrdinaryBadFilesIntegrationTest {

    static final String PDA_HEADER = "Date de la demande,Date du RDV,Salle,Pour qui,Heure,Statut,Commentaire\n";

    @Autowired
    JobLaunches launches;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ExecutionReport report;
    @TempDir
    Path temp;

    @BeforeEach
    void clean() {
        TestDatabase.clean(jdbc);
    }

    static String row(int n, String comment) {
        return "2025-11-03,2025-11-20,MS,Concert " + String.format("%02d", n) + ",19h,PENDING," + comment + "\n";
    }

    /** Line 2 opens a quote in its comment; lines 3 to 49 are 47 good rows; line 50 closes the quote; line 51 follows. */
    static String strayQuoteFile(String closingComment) {
        StringBuilder text = new StringBuilder(PDA_HEADER).append(row(0, "\"entrée quai B"));
        for (int n = 1; n <= 47; n++) {
            text.append(row(n, ""));
        }
        return text.append(row(48, closingComment)).append(row(49, "")).toString();
    }

    @Test
    void aStrayQuoteClosingFortySevenLinesLaterCostsOnlyItsOwnLine() throws Exception {
        assertStrayQuoteCostsOneLine("voir note\"", "voir note\"");
    }

    @Test
    void aStrayQuoteClosingInTheMiddleOfAFieldCostsOnlyItsOwnLine() throws Exception {
        assertStrayQuoteCostsOneLine("voir note\" urgente", "voir note\" urgente");
    }

    private void assertStrayQuoteCostsOneLine(String closingComment, String storedNote) throws Exception {
        SampleInbox inbox = SampleInbox.empty(temp).write("pda-guillemet.csv", strayQuoteFile(closingComment));

        JobExecution execution = launches.runImport(inbox.dir(), null);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(execution.getExitStatus().getExitCode()).isEqualTo(RunWarnings.COMPLETED_WITH_WARNINGS);
        assertThat(rejects()).containsExactly("pda-guillemet.csv:2 BAD_QUOTING");
        assertThat(jdbc.queryForList("SELECT for_who FROM pda_request ORDER BY for_who", String.class))
                .as("every good row, by name").containsExactlyElementsOf(
                        IntStream.rangeClosed(1, 49).mapToObj(n -> String.format("Concert %02d", n)).toList());
        assertThat(jdbc.queryForObject("SELECT notes FROM pda_request WHERE for_who = 'Concert 48'", String.class)).isEqualTo(storedNote);
        assertThat(batch("pda-guillemet.csv")).isEqualTo(
                "COMPLETED read=50 written=49 rejected=1 duplicates=0 lines=51 header=1 records=50 blank=0");
        assertThat(importChecks()).as("rows and lines balance").containsExactly("pda-guillemet.csv OK");
    }

    @Test
    void physicalLinesAreHeaderPlusRecordLinesPlusBlankLinesAndALongRecordIsAWarningNamingItsLines() throws Exception {
        String text = PDA_HEADER + "\n" + row(1, "") + "\n\n" + row(2, "\"une note\nsur\nsept\nlignes\nqui\nse\nsuivent\"")
                + row(3, "") + "\r\n";
        SampleInbox inbox = SampleInbox.empty(temp).write("pda-lignes.csv", text);

        JobExecution execution = launches.runImport(inbox.dir(), null);

        assertThat(batch("pda-lignes.csv")).isEqualTo("COMPLETED read=3 written=3 rejected=0 duplicates=0 lines=14 header=1 records=9 blank=4");
        assertThat(jdbc.queryForObject("SELECT notes FROM pda_request WHERE for_who = 'Concert 02'", String.class))
                .isEqualTo("une note\nsur\nsept\nlignes\nqui\nse\nsuivent");
        assertThat(jdbc.queryForObject("SELECT array_to_string(import_warnings, '|') FROM pda_request WHERE for_who = 'Concert 02'",
                String.class)).contains("LONG_RECORD").contains("lignes 6 à 12");
        assertThat(execution.getExitStatus().getExitDescription())
                .contains("pda-lignes.csv : Enregistrement sur plusieurs lignes : lignes 6 à 12 (7 lignes)");
        assertThat(importChecks()).containsExactly("pda-lignes.csv OK");
    }

    @Test
    void aFileWhoseLastLineHasNoLineEndingIsHeldBackUntilItIsComplete() throws Exception {
        SampleInbox inbox = SampleInbox.empty(temp).write("pda-en-cours.csv", PDA_HEADER + row(1, "") + "2025-11-03,2025-11-20,MS,Concert 02,19");

        JobExecution first = launches.runImport(inbox.dir(), null);

        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(first.getExitStatus().getExitCode()).isEqualTo(RunWarnings.COMPLETED_WITH_WARNINGS);
        assertThat(first.getExitStatus().getExitDescription()).contains("Fichier non importé : pda-en-cours.csv — Dernière ligne sans "
                + "fin de ligne");
        assertThat(TestDatabase.count(jdbc, "import_batch")).isZero();
        assertThat(TestDatabase.count(jdbc, "pda_request")).isZero();

        Files.writeString(inbox.path().resolve("pda-en-cours.csv"), "h,PENDING,\n", StandardOpenOption.APPEND);
        JobExecution second = launches.runImport(inbox.dir(), null);

        assertThat(second.getExitStatus().getExitCode()).isEqualTo("COMPLETED");
        assertThat(batch("pda-en-cours.csv")).isEqualTo("COMPLETED read=2 written=2 rejected=0 duplicates=0 lines=3 header=1 records=2 blank=0");
        assertThat(jdbc.queryForList("SELECT for_who || ' ' || time_24h FROM pda_request ORDER BY 1", String.class))
                .containsExactly("Concert 01 19:00:00", "Concert 02 19:00:00");
    }

    @Test
    void aFileAppendedToDuringItsImportIsNotRecordedAsImportedAndTheNextRunReadsItWithoutDuplicates() throws Exception {
        StringBuilder initial = new StringBuilder(PDA_HEADER);
        for (int n = 1; n <= 300; n++) {
            initial.append(row(n, ""));
        }
        SampleInbox inbox = SampleInbox.empty(temp).write("pda-qui-grandit.csv", initial.toString());
        Path file = inbox.path().resolve("pda-qui-grandit.csv");
        AtomicBoolean importing = new AtomicBoolean(true);
        AtomicInteger appended = new AtomicInteger();
        Thread writer = new Thread(() -> {
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                while (importing.get()) {
                    int n = appended.incrementAndGet();
                    // one write per whole line: the scan never sees half a line
                    out.write(ByteBuffer.wrap(("2025-11-04,2025-11-21,MS,Ajout " + n + ",19h,PENDING,\n").getBytes(StandardCharsets.UTF_8)));
                    Thread.sleep(2);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "appending-sender");
        writer.start();
        JobExecution during;
        try {
            during = launches.runImport(inbox.dir(), null);
        } finally {
            importing.set(false);
            writer.join();
        }

        assertThat(appended.get()).as("the sender appended while the import ran").isPositive();
        assertThat(during.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(during.getExitStatus().getExitCode()).isEqualTo(RunWarnings.COMPLETED_WITH_WARNINGS);
        assertThat(during.getExitStatus().getExitDescription()).contains("pda-qui-grandit.csv : Fichier modifié pendant son import");
        assertThat(jdbc.queryForObject("SELECT status FROM import_batch", String.class)).isEqualTo("CHANGED");
        long batchId = jdbc.queryForObject("SELECT id FROM import_batch", Long.class);

        JobExecution next = launches.runImport(inbox.dir(), null);

        int total = 300 + appended.get();
        assertThat(next.getExitStatus().getExitCode()).as(next.getExitStatus().getExitDescription()).isEqualTo("COMPLETED");
        assertThat(jdbc.queryForObject("SELECT id FROM import_batch", Long.class)).as("the same batch, taken over").isEqualTo(batchId);
        assertThat(batch("pda-qui-grandit.csv")).isEqualTo("COMPLETED read=" + total + " written=" + total
                + " rejected=0 duplicates=0 lines=" + (total + 1) + " header=1 records=" + total + " blank=0");
        assertThat(jdbc.queryForObject("SELECT file_sha256 FROM import_batch", String.class).trim())
                .isEqualTo(ca.ptm.nocturne.imports.inbox.FileChecksum.sha256(file));
        assertThat(TestDatabase.count(jdbc, "pda_request")).isEqualTo(total);
        assertThat(TestDatabase.count(jdbc, "import_reject")).isZero();
    }

    @Test
    void everyInboxEntryThatIsNotImportedIsInTheSummaryWithWhy() throws Exception {
        SampleInbox inbox = SampleInbox.empty(temp).copySample("fournitures-produits.csv")
                .write(".brouillon.csv", PDA_HEADER + row(1, ""))
                .write("pda-envoi.csv.part", PDA_HEADER + row(2, ""));
        Files.createDirectories(inbox.path().resolve("archives"));
        Files.createSymbolicLink(inbox.path().resolve("lien-casse.csv"), inbox.path().resolve("disparu.csv"));
        Process mkfifo = new ProcessBuilder("mkfifo", inbox.path().resolve("tube.csv").toString()).start();
        assertThat(mkfifo.waitFor()).isZero();

        JobExecution execution = launches.runImport(inbox.dir(), null);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        ImportManifest manifest = (ImportManifest) execution.getExecutionContext().get(ImportManifest.CONTEXT_KEY);
        assertThat(manifest.notes()).extracting(n -> n.fileName() + " " + n.outcome()).containsExactly(
                ".brouillon.csv IGNORED", "archives IGNORED", "lien-casse.csv NOT_A_FILE", "pda-envoi.csv.part IGNORED",
                "tube.csv NOT_A_FILE");
        assertThat(execution.getExitStatus().getExitCode()).isEqualTo(RunWarnings.COMPLETED_WITH_WARNINGS);
        assertThat(execution.getExitStatus().getExitDescription())
                .contains("Fichier non importé : lien-casse.csv — Lien symbolique cassé")
                .contains("Fichier non importé : tube.csv — Ni un fichier ni un dossier");
        String summary = summary(execution);
        for (ScanNote note : manifest.notes()) {
            assertThat(summary).contains(note.fileName()).contains(note.message());
        }
        assertThat(summary).contains("Fichier caché : ignoré").contains("Fichier .part (envoi en cours) : jamais lu")
                .contains("Sous-dossier : ignoré");
        assertThat(TestDatabase.count(jdbc, "product")).isEqualTo(3);
        assertThat(TestDatabase.count(jdbc, "pda_request")).as("neither the hidden file nor the .part file was read").isZero();
    }

    @Test
    void aFileNameWithControlCharactersIsPrintedEscaped() throws Exception {
        SampleInbox inbox = SampleInbox.empty(temp).copySample("fournitures-produits.csv");
        Files.move(inbox.path().resolve("fournitures-produits.csv"), inbox.path().resolve("produits\nFAUX LOG \u001B[31m.csv"));

        JobExecution execution = launches.runImport(inbox.dir(), null);

        assertThat(jdbc.queryForObject("SELECT file_name FROM import_batch", String.class)).isEqualTo("produits\\nFAUX LOG \\u001B[31m.csv");
        assertThat(summary(execution)).contains("produits\\nFAUX LOG \\u001B[31m.csv").doesNotContain("\u001B").doesNotContain("\nFAUX");
        assertThat(execution.getExitStatus().getExitDescription()).contains("produits\\nFAUX LOG \\u001B[31m.csv")
                .doesNotContain("\u001B");
    }

    @Test
    void anUnknownHeaderIsRefusedNamingTheColumnsRecognisedAndExpectedQuotingAtMostEightyCharacters() throws Exception {
        String header = "ProductId,Nom du produit,Référence," + "x".repeat(200) + "\n";
        SampleInbox inbox = SampleInbox.empty(temp).write("produits-inconnus.csv", header + "1,Feutre,FEU-1,\n");

        launches.runImport(inbox.dir(), null);

        String message = jdbc.queryForObject("SELECT message FROM import_batch WHERE file_name = 'produits-inconnus.csv'", String.class);
        assertThat(message).startsWith("En-tête non reconnu").contains("colonnes reconnues « ProductId »")
                .contains("colonnes attendues « ProductId », « Name », « Sku »");
        String quoted = message.substring(message.indexOf("Début de la ligne : « ") + "Début de la ligne : « ".length(),
                message.lastIndexOf(" »"));
        assertThat(quoted).isEqualTo(header.substring(0, 80) + "…");
    }

    @Test
    void aLinkToAFileOutsideTheInboxIsRefusedWithoutQuotingAnythingAndALinkInsideItIsFollowed() throws Exception {
        Path elsewhere = Files.createDirectories(temp.resolve("ailleurs"));
        Path secret = Files.writeString(elsewhere.resolve("secret.csv"), "MOT_DE_PASSE=hunter2\n");
        SampleInbox inbox = SampleInbox.empty(temp);
        Files.createDirectories(inbox.path().resolve("depot"));
        Files.copy(SampleInbox.SAMPLES.resolve("fournitures-produits.csv"), inbox.path().resolve("depot/produits.csv"));
        Files.createSymbolicLink(inbox.path().resolve("produits.csv"), inbox.path().resolve("depot/produits.csv"));
        Files.createSymbolicLink(inbox.path().resolve("secret.csv"), secret);
        Files.writeString(inbox.path().resolve("depot/inconnu.csv"), "Nom,Prénom,Jeton hunter3\nX,Y,Z\n");
        Files.createSymbolicLink(inbox.path().resolve("inconnu.csv"), inbox.path().resolve("depot/inconnu.csv"));

        JobExecution execution = launches.runImport(inbox.dir(), null);

        assertThat(jdbc.queryForObject("SELECT status || ' ' || message FROM import_batch WHERE file_name = 'inconnu.csv'", String.class))
                .as("a refused link quotes nothing of its file").startsWith("REFUSED En-tête non reconnu")
                .doesNotContain("Début de la ligne").doesNotContain("hunter3").doesNotContain("Prénom");

        assertThat(jdbc.queryForObject("SELECT status || ' ' || message FROM import_batch WHERE file_name = 'secret.csv'", String.class))
                .isEqualTo("REFUSED Lien symbolique vers un fichier hors de la boîte d'entrée : non lu");
        assertThat(jdbc.queryForObject("SELECT status || ' ' || rows_written FROM import_batch WHERE file_name = 'produits.csv'",
                String.class)).isEqualTo("COMPLETED 3");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM import_batch b LEFT JOIN import_reject r ON r.import_batch_id = b.id "
                + "WHERE coalesce(b.message, '') || coalesce(r.message, '') || coalesce(r.raw_line, '') ~ 'hunter[23]'", Integer.class))
                .isZero();
        assertThat(summary(execution)).doesNotContain("hunter2").doesNotContain("hunter3");
    }

    @Test
    void aDuplicateProductCodeIsADuplicateNamingTheLineOfTheOriginal() throws Exception {
        SampleInbox inbox = SampleInbox.empty(temp).write("produits-sku.csv", """
                ProductId,Name,Sku,UnitCost,RetailPrice,Active,CreatedAt
                501,Feutre A,FEU-500,1.00,2.00,True,
                502,Feutre B,FEU-502,1.00,2.00,True,
                503,Feutre C,FEU-500,1.00,2.00,True,
                """);

        launches.runImport(inbox.dir(), null);

        assertThat(batch("produits-sku.csv")).isEqualTo("COMPLETED read=3 written=2 rejected=0 duplicates=1 lines=4 header=1 records=3 blank=0");
        assertThat(jdbc.queryForObject("SELECT r.line_number || ' ' || r.error_code || ' ' || r.message FROM import_reject r",
                String.class)).isEqualTo("4 DUPLICATE Doublon de la ligne 2 de ce fichier (code = FEU-500)");
    }

    @Test
    void theSkipLimitKeepsCountersThatAddUpAndNamesTheFileAndTheCount() throws Exception {
        StringBuilder garbage = new StringBuilder("ProductId,Name,Sku,UnitCost,RetailPrice,Active,CreatedAt\n");
        garbage.append("201,Feutre démo,FEU-001,\"1,00\",2.00,True,\n");
        for (int i = 0; i < 150; i++) {
            garbage.append(300 + i).append(",Produit ").append(i).append(",X-").append(i).append(",n/a,,True,\n");
        }
        SampleInbox inbox = SampleInbox.empty(temp).write("produits-corrompus.csv", garbage.toString());

        JobExecution execution = launches.runImport(inbox.dir(), null);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(jdbc.queryForObject("SELECT status || ' read=' || rows_read || ' written=' || rows_written || ' rejected=' "
                + "|| rows_rejected || ' duplicates=' || rows_duplicate FROM import_batch", String.class))
                .isEqualTo("FAILED read=100 written=1 rejected=99 duplicates=0");
        assertThat(jdbc.queryForObject("SELECT message FROM import_batch", String.class))
                .startsWith("Trop de lignes rejetées dans produits-corrompus.csv : 150 lignes rejetées, plus que la limite de 100");
    }

    private String summary(JobExecution execution) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.printRun(execution, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private String batch(String fileName) {
        return jdbc.queryForObject("SELECT status || ' read=' || rows_read || ' written=' || rows_written || ' rejected=' || rows_rejected "
                + "|| ' duplicates=' || rows_duplicate || ' lines=' || physical_lines || ' header=' || header_lines || ' records=' "
                + "|| record_lines || ' blank=' || blank_lines FROM import_batch WHERE file_name = ?", String.class, fileName);
    }

    private List<String> rejects() {
        return jdbc.queryForList("SELECT b.file_name || ':' || r.line_number || ' ' || r.error_code FROM import_reject r "
                + "JOIN import_batch b ON b.id = r.import_batch_id ORDER BY b.file_name, r.line_number", String.class);
    }

    private List<String> importChecks() {
        return jdbc.queryForList("SELECT entity || ' ' || status FROM sync_count_check WHERE stage = 'import' ORDER BY entity",
                String.class);
    }
}
