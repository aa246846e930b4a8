package ca.ptm.nocturne.imports;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.shared.batch.RunWarnings;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.SampleInbox;
import ca.ptm.nocturne.support.TestDatabase;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.sql.Array;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@NocturneIntegrationTest
class ImportJobIntegrationTest {

    @Autowired
    JobLaunches launches;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path temp;

    @BeforeEach
    void clean() {
        TestDatabase.clean(jdbc);
    }

    @Test
    void importsTheBundledSamplesRowByRowAndAccountsForEveryRow() throws Exception {
        JobExecution execution = launches.runImport(SampleInbox.withSamples(temp).dir(), null);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(execution.getExitStatus().getExitCode()).isEqualTo(RunWarnings.COMPLETED_WITH_WARNINGS);
        assertThat(batchCounts()).containsExactlyInAnyOrder(
                "contrats.csv COMPLETED read=2 written=2 rejected=0 duplicates=0",
                "contrats-versements.csv COMPLETED read=3 written=3 rejected=0 duplicates=0",
                "fournitures-mouvements.csv COMPLETED read=4 written=3 rejected=0 duplicates=1",
                "fournitures-noms.csv COMPLETED read=3 written=3 rejected=0 duplicates=0",
                "fournitures-produits.csv COMPLETED read=4 written=3 rejected=1 duplicates=0",
                "fournitures-stock.csv COMPLETED read=4 written=2 rejected=2 duplicates=0",
                "inventaire-place-des-arts.csv COMPLETED read=7 written=6 rejected=0 duplicates=1",
                "pda-collage-2026-02.tsv COMPLETED read=4 written=4 rejected=0 duplicates=0",
                "pda-demandes-2025-11.csv COMPLETED read=8 written=4 rejected=3 duplicates=1");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM import_batch WHERE rows_read <> rows_written + rows_rejected + rows_duplicate",
                Integer.class)).isZero();
        assertThat(rejects()).containsExactly(
                "fournitures-mouvements.csv:4 DUPLICATE",
                "fournitures-produits.csv:3 BAD_AMOUNT unit_cost=!00$",
                "fournitures-stock.csv:3 UNKNOWN_PRODUCT product_id=999",
                "fournitures-stock.csv:5 UNKNOWN_TECHNICIAN technician=Gilles",
                "inventaire-place-des-arts.csv:8 DUPLICATE",
                "pda-demandes-2025-11.csv:4 DUPLICATE",
                "pda-demandes-2025-11.csv:6 MISSING_REQUIRED appointment_date=null",
                "pda-demandes-2025-11.csv:8 BAD_AMOUNT billing_amount=!00$",
                "pda-demandes-2025-11.csv:9 BAD_STATUS status=CONFIRMED");
        assertThat(jdbc.queryForObject("SELECT detected_encoding FROM import_batch WHERE file_name = 'pda-demandes-2025-11.csv'",
                String.class)).isEqualTo("windows-1252");
        assertThat(jdbc.queryForObject("SELECT detected_encoding FROM import_batch WHERE file_name = 'inventaire-place-des-arts.csv'",
                String.class)).isEqualTo("UTF-8 (BOM)");
    }

    @Test
    void appliesThePlaceDesArtsRulesToEachRequest() throws Exception {
        launches.runImport(SampleInbox.withSamples(temp).dir(), null);

        Map<String, Object> gala = request("Gala fictif");
        assertThat(gala).containsEntry("request_date", java.sql.Date.valueOf("2025-11-14"))
                .containsEntry("appointment_date", java.sql.Date.valueOf("2025-11-21"))
                .containsEntry("time_24h", java.sql.Time.valueOf("18:00:00")).containsEntry("time_text", "avant 18h")
                .containsEntry("room_code", "WP").containsEntry("status", "COMPLETED")
                .containsEntry("billing_amount", new BigDecimal("175.00")).containsEntry("parking_amount", new BigDecimal("15.00"))
                .containsEntry("technician_text", "Nick").containsEntry("source", "legacy_csv");
        assertThat(jdbc.queryForObject("SELECT t.first_name FROM pda_request r JOIN technician t ON t.id = r.technician_id "
                + "WHERE r.for_who = 'Gala fictif'", String.class)).isEqualTo("Nicolas");

        Map<String, Object> troupe = request("Troupe exemple");
        assertThat(troupe).containsEntry("room_code", "TM").containsEntry("room_original", "Théâtre Maisonneuve")
                .containsEntry("time_24h", java.sql.Time.valueOf("14:30:00")).containsEntry("status", "BILLED")
                .containsEntry("notes", "samedi - entrée par le quai");

        Map<String, Object> recital = request("Récital démo");
        assertThat(recital).containsEntry("room_code", "5E").containsEntry("billing_amount", new BigDecimal("1175.00"))
                .containsEntry("status", "PENDING").containsEntry("piano_text", null);
        assertThat(warnings("Récital démo")).anyMatch(w -> w.startsWith("HIGH_AMOUNT")).anyMatch(w -> w.startsWith("MISSING_PIANO"));

        Map<String, Object> quartet = request("Quatuor démo, 2e partie");
        assertThat(quartet).containsEntry("room_code", "SCL").containsEntry("time_24h", java.sql.Time.valueOf("08:00:00"))
                .containsEntry("parking_amount", new BigDecimal("12.50")).containsEntry("notes", "Entrée des artistes, quai \"B\"");

        assertThat(jdbc.queryForList("SELECT appointment_date || ' ' || room_code || ' ' || time_24h || ' ' || coalesce(notes, '') "
                + "FROM pda_request WHERE source = 'tab_paste' AND room_code = 'MS' ORDER BY appointment_date", String.class))
                .containsExactly("2026-02-20 MS 09:00:00 ", "2026-02-21 MS 19:00:00 2e représentation");
        assertThat(warnings("Orchestre démo")).anyMatch(w -> w.startsWith("SHIFTED_ROW") && w.contains("Maison symphonique"));
        assertThat(request("Théâtre démo")).containsEntry("room_code", "TJD").containsEntry("diapason", null);
        assertThat(warnings("Théâtre démo")).anyMatch(w -> w.startsWith("MISSING_PITCH")).anyMatch(w -> w.startsWith("MISSING_PIANO"));
        assertThat(request("Atelier démo")).containsEntry("room_code", null).containsEntry("room_original", "Studio 3")
                .containsEntry("technician_id", null).containsEntry("technician_text", "Louis");
        assertThat(warnings("Atelier démo")).anyMatch(w -> w.startsWith("UNKNOWN_ROOM")).anyMatch(w -> w.startsWith("UNKNOWN_TECHNICIAN"));

        assertThat(TestDatabase.count(jdbc, "pda_request")).isEqualTo(8);
        assertThat(jdbc.queryForList("SELECT to_status FROM pda_request_status_history h JOIN pda_request r ON r.id = h.pda_request_id "
                + "WHERE r.for_who = 'Gala fictif'", String.class)).containsExactly("COMPLETED");
        assertThat(TestDatabase.count(jdbc, "pda_request_status_history")).isEqualTo(8);
    }

    @Test
    void importsSuppliesAndTheVenueInventory() throws Exception {
        launches.runImport(SampleInbox.withSamples(temp).dir(), null);

        assertThat(jdbc.queryForList("SELECT legacy_product_id || ' ' || code || ' ' || unit_cost || ' ' || coalesce(category, '-') "
                + "FROM product ORDER BY 1", String.class))
                .containsExactly("101 BUV-001 4.25 Système PLS", "103 HYG-001 38.50 Système PLS", "104 GAI-001 2.10 Système PLS");
        assertThat(jdbc.queryForList("SELECT p.code || ' ' || t.first_name || ' ' || s.location || ' ' || s.quantity "
                + "FROM technician_stock s JOIN product p ON p.id = s.product_id JOIN technician t ON t.id = s.technician_id "
                + "ORDER BY 1", String.class)).containsExactly("BUV-001 Nicolas Atelier 14.00", "HYG-001 Allan Atelier 1.00");
        assertThat(jdbc.queryForList("SELECT legacy_transaction_id || ' ' || reason || ' ' || delta FROM stock_movement ORDER BY 1",
                String.class)).containsExactly("5001 deduction -1.00", "5002 ajout 10.00", "5004 deduction -1.00");

        assertThat(TestDatabase.count(jdbc, "venue_piano")).isEqualTo(6);
        assertThat(jdbc.queryForMap("SELECT c.status, c.day_rate, c.done_tech_days, c.discount_amount, c.done_trips FROM service_contract c "
                + "JOIN institution i ON i.id = c.institution_id WHERE i.slug = 'academie-ete' AND c.season = 2026"))
                .containsEntry("status", "signed").containsEntry("day_rate", new BigDecimal("640.00"))
                .containsEntry("done_tech_days", new BigDecimal("23.5")).containsEntry("discount_amount", new BigDecimal("2350.00"))
                .containsEntry("done_trips", 9);
        assertThat(jdbc.queryForList("SELECT seq || ' ' || amount_before_tax || ' ' || coalesce(paid_on::text, 'dû') "
                + "FROM contract_installment ORDER BY seq", String.class))
                .containsExactly("1 4900.00 2026-06-22", "2 4900.00 dû", "3 4900.00 dû");
        assertThat(jdbc.queryForMap("SELECT room_code, piano_type, priority, todo FROM venue_piano WHERE serial_normalized = '400200'"))
                .containsEntry("room_code", "MS").containsEntry("piano_type", "GRAND").containsEntry("priority", "Inaccessible")
                .containsEntry("todo", "Ré 5 collant, vérifier pédale");
        assertThat(jdbc.queryForMap("SELECT local_text, serial_raw, piano_type FROM venue_piano WHERE piano_text = 'Yamaha U1'"))
                .containsEntry("local_text", null).containsEntry("serial_raw", null).containsEntry("piano_type", "UPRIGHT");
        assertThat(jdbc.queryForObject("SELECT piano_type FROM venue_piano WHERE piano_text = 'Kawai CA'", String.class)).isEqualTo("DIGITAL");
    }

    @Test
    void importingTheSameFilesAgainChangesNothing() throws Exception {
        SampleInbox inbox = SampleInbox.withSamples(temp);
        launches.runImport(inbox.dir(), null);
        List<String> afterFirstRun = TestDatabase.snapshot(jdbc);

        JobExecution second = launches.runImport(inbox.dir(), null);

        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(second.getExitStatus().getExitCode()).isEqualTo("COMPLETED");
        assertThat(TestDatabase.snapshot(jdbc)).isEqualTo(afterFirstRun);
        assertThat(second.getStepExecutions()).filteredOn(s -> s.getStepName().equals("import-pda-requests"))
                .singleElement().satisfies(s -> assertThat(s.getReadCount()).isZero());
    }

    @Test
    void aRequestAlreadyImportedFromAnotherFileIsADuplicateNamingTheFirstFile() throws Exception {
        launches.runImport(SampleInbox.withSamples(temp).dir(), null);
        SampleInbox later = SampleInbox.empty(temp.resolve("later")).write("pda-relance.csv", """
                Date de la demande;Date du RDV;Salle;Pour qui;Diapason;Demandeur;Piano;Heure;Qui le fait;Facturation (175$);Statut
                2025-11-17;2025-11-22;TM;Troupe  Exemple;440;QB;Yamaha CFX;14 h 30;Allan;175;BILLED
                2025-11-24;2025-12-01;MS;Nouveau récital;442;QA;Steinway D;20h;Allan;;PENDING
                """);

        launches.runImport(later.dir(), null);

        assertThat(batchCounts()).contains("pda-relance.csv COMPLETED read=2 written=1 rejected=0 duplicates=1");
        assertThat(jdbc.queryForObject("SELECT r.message FROM import_reject r JOIN import_batch b ON b.id = r.import_batch_id "
                + "WHERE b.file_name = 'pda-relance.csv'", String.class))
                .isEqualTo("Doublon d'une ligne déjà importée (pda-demandes-2025-11.csv, ligne 3)");
        assertThat(TestDatabase.count(jdbc, "pda_request")).isEqualTo(9);
    }

    @Test
    void anUnreadableFileIsRefusedWithItsReasonAndTheOthersStillImport() throws Exception {
        SampleInbox inbox = SampleInbox.empty(temp).copySample("fournitures-produits.csv")
                .write("photo.csv", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13})
                .write("vide.csv", new byte[0])
                .write("inconnu.csv", "Nom,Prénom,Téléphone\nX,Y,555\n")
                .write("sans-date-rdv.csv", "Date de la demande,Salle,Pour qui,Piano,Heure\n2025-11-17,TM,Troupe,Yamaha,10h\n")
                .write("melange.csv", "Salle,Pour qui\n".getBytes(Charset.forName("windows-1252")))
                .write("melange.csv", concat("Local,Piano,# série\nThéâtre,Yamaha,1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "Récital,Kawai,2\n".getBytes(Charset.forName("windows-1252"))));

        JobExecution execution = launches.runImport(inbox.dir(), null);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(execution.getExitStatus().getExitCode()).isEqualTo(RunWarnings.COMPLETED_WITH_WARNINGS);
        assertThat(jdbc.queryForList("SELECT b.file_name || ' ' || r.error_code FROM import_batch b "
                + "JOIN import_reject r ON r.import_batch_id = b.id WHERE b.status = 'REFUSED' ORDER BY 1", String.class))
                .containsExactly("inconnu.csv UNKNOWN_FORMAT", "melange.csv BAD_ENCODING", "photo.csv UNREADABLE_FILE",
                        "sans-date-rdv.csv MISSING_REQUIRED", "vide.csv EMPTY_FILE");
        assertThat(execution.getExitStatus().getExitDescription()).contains("Fichier refusé : sans-date-rdv.csv")
                .contains("Colonne obligatoire absente : « Date du RDV »");
        assertThat(TestDatabase.count(jdbc, "product")).isEqualTo(3);
    }

    @Test
    void aFileThatIsMostlyGarbageFailsTheRunAfterKeepingWhatWasGood() throws Exception {
        StringBuilder garbage = new StringBuilder("ProductId,Name,Sku,UnitCost,RetailPrice,Active,CreatedAt\n");
        garbage.append("201,Feutre démo,FEU-001,\"1,00\",2.00,True,\n");
        for (int i = 0; i < 150; i++) {
            garbage.append(300 + i).append(",Produit ").append(i).append(",X-").append(i).append(",n/a,,True,\n");
        }
        SampleInbox inbox = SampleInbox.empty(temp).write("produits-corrompus.csv", garbage.toString());

        JobExecution execution = launches.runImport(inbox.dir(), null);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getStepExecutions()).filteredOn(s -> s.getStatus() == BatchStatus.FAILED).singleElement()
                .satisfies(s -> assertThat(s.getStepName()).isEqualTo("import-products"))
                .satisfies(s -> assertThat(s.getExitStatus().getExitDescription()).contains("Trop de lignes rejetées dans produits-corrompus.csv"));
        assertThat(jdbc.queryForObject("SELECT status FROM import_batch WHERE file_name = 'produits-corrompus.csv'", String.class))
                .isEqualTo("FAILED");
        assertThat(jdbc.queryForObject("SELECT rows_rejected FROM import_batch WHERE file_name = 'produits-corrompus.csv'", Integer.class))
                .as("the rejects of the committed chunk (the limit broke in the second)").isEqualTo(99);
        assertThat(TestDatabase.count(jdbc, "product")).as("the good row of the committed chunk stays").isEqualTo(1);
    }

    @Test
    void yearlessDatesTakeTheYearFromTheRowTheFileOrTheYearParameterNeverFromToday() throws Exception {
        SampleInbox inbox = SampleInbox.empty(temp).write("pda-sans-annee.csv", """
                Date de la demande,Date du RDV,Salle,Pour qui,Heure,Statut
                28 décembre,5 janv.,WP,Concert du Nouvel An,19h,
                2 mars,9-mars,MS,Récital de printemps,14h,
                """);

        launches.runImport(inbox.dir(), null);
        assertThat(rejects()).containsExactly("pda-sans-annee.csv:2 AMBIGUOUS_YEAR appointment_date=5 janv.",
                "pda-sans-annee.csv:3 AMBIGUOUS_YEAR appointment_date=9-mars");

        TestDatabase.clean(jdbc);
        launches.runImport(inbox.dir(), 2026);
        assertThat(jdbc.queryForList("SELECT request_date || ' > ' || appointment_date FROM pda_request ORDER BY appointment_date",
                String.class)).containsExactly("2025-12-28 > 2026-01-05", "2026-03-02 > 2026-03-09");
    }

    @Test
    void theRejectCodesOfTheCodeAndOfTheDatabaseConstraintAreTheSameList() {
        String constraint = jdbc.queryForObject("SELECT pg_get_constraintdef(oid) FROM pg_constraint "
                + "WHERE conrelid = 'import_reject'::regclass AND contype = 'c'", String.class);
        for (ca.ptm.nocturne.imports.parsing.RejectCode code : ca.ptm.nocturne.imports.parsing.RejectCode.values()) {
            assertThat(constraint).contains("'" + code.name() + "'");
        }
        assertThat(constraint.split("'", -1).length / 2).isEqualTo(ca.ptm.nocturne.imports.parsing.RejectCode.values().length);
    }

    private List<String> batchCounts() {
        return jdbc.queryForList("SELECT file_name || ' ' || status || ' read=' || rows_read || ' written=' || rows_written "
                + "|| ' rejected=' || rows_rejected || ' duplicates=' || rows_duplicate FROM import_batch", String.class);
    }

    private List<String> rejects() {
        return jdbc.queryForList("SELECT b.file_name || ':' || r.line_number || ' ' || r.error_code || "
                + "CASE WHEN r.field_name = '' THEN '' ELSE ' ' || r.field_name || '=' || coalesce(r.raw_value, 'null') END "
                + "FROM import_reject r JOIN import_batch b ON b.id = r.import_batch_id ORDER BY b.file_name, r.line_number", String.class);
    }

    private Map<String, Object> request(String forWho) {
        return jdbc.queryForList("SELECT * FROM pda_request WHERE for_who = ? ORDER BY appointment_date", forWho).get(0);
    }

    private List<String> warnings(String forWho) {
        return jdbc.query("SELECT import_warnings FROM pda_request WHERE for_who = ?", (rs, n) -> {
            Array array = rs.getArray(1);
            return Arrays.asList((String[]) array.getArray());
        }, forWho).stream().flatMap(List::stream).toList();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
