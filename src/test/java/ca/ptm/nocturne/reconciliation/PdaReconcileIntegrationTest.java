package ca.ptm.nocturne.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.shared.batch.RunWarnings;
import ca.ptm.nocturne.shared.batch.WarningsJobListener;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.TestDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

@NocturneIntegrationTest
class PdaReconcileIntegrationTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 10);
    static final LocalDate RUN = LocalDate.of(2026, 3, 12);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    JobOperator jobOperator;
    @Autowired
    @Qualifier(PdaReconcileConfiguration.FLOW_NAME)
    Flow flow;
    @Autowired
    WarningsJobListener warnings;

    PdaFixtures db;
    Reconciliations runs;

    @BeforeEach
    void clean() {
        TestDatabase.clean(jdbc);
        jdbc.update("DELETE FROM pda_orphan_dismissal");
        db = new PdaFixtures(jdbc);
        db.pdaClient();
        runs = new Reconciliations(jobRepository, jobOperator, flow, warnings);
    }

    @Test
    void anExactMatchIsLinkedAndCreatedInGazelle() throws Exception {
        long gala = db.request(DAY, LocalTime.of(19, 0), "WP", "Gala fictif", "PENDING");
        db.appointment("evt_GALA", PdaFixtures.PDA_CLIENT, "Gala fictif", "WP", DAY, LocalTime.of(18, 0), "ACTIVE", null);
        db.appointment("evt_OTHER", PdaFixtures.PDA_CLIENT, "Accord", null, DAY, LocalTime.of(9, 0), "ACTIVE", null);

        JobExecution execution = runs.run(RUN, null);

        assertThat(db.link(gala)).isEqualTo("evt_GALA");
        assertThat(db.status(gala)).isEqualTo("CREATED_IN_GAZELLE");
        assertThat(db.history(gala)).containsExactly(">PENDING test ",
                "PENDING>CREATED_IN_GAZELLE pda-reconcile Liée au rendez-vous Gazelle evt_GALA");
        // evt_OTHER: a PdA appointment of a past day that no request is linked to
        assertThat(db.anomalies(execution.getId())).containsExactly("ORPHAN_APPOINTMENT||evt_OTHER");
    }

    @Test
    void theLongHallNameInTheLocationDecides() throws Exception {
        long recital = db.request(DAY, LocalTime.of(10, 0), "TM", "Récital", "PENDING");
        db.appointment("evt_MS", PdaFixtures.PDA_CLIENT, "Accord de concert", "Maison symphonique", DAY, LocalTime.of(10, 0), "ACTIVE", null);
        db.appointment("evt_TM", PdaFixtures.PDA_CLIENT, "Accord de concert", "Théâtre Maisonneuve", DAY, LocalTime.of(10, 0), "ACTIVE", null);

        runs.run(RUN, null);

        assertThat(db.link(recital)).isEqualTo("evt_TM");
    }

    @Test
    void aTieIsLeftForReviewWithItsCandidates() throws Exception {
        long quartet = db.request(DAY, LocalTime.of(10, 0), "MS", "Quatuor", "PENDING");
        db.appointment("evt_A", PdaFixtures.PDA_CLIENT, "Accord", null, DAY, LocalTime.of(9, 0), "ACTIVE", null);
        db.appointment("evt_B", PdaFixtures.PDA_CLIENT, "Accord", null, DAY, LocalTime.of(11, 0), "ACTIVE", null);

        JobExecution execution = runs.run(RUN, null);

        assertThat(db.link(quartet)).isNull();
        assertThat(db.status(quartet)).isEqualTo("PENDING");
        Map<String, Object> review = jdbc.queryForMap("""
                SELECT message, details ->> 'reason' AS reason, jsonb_array_length(details -> 'candidates') AS candidates,
                       details -> 'candidates' -> 0 ->> 'score' AS score
                FROM pda_anomaly WHERE kind = 'REVIEW_NEEDED' AND pda_request_id = ?""", quartet);
        assertThat(review).containsEntry("reason", "TIE").containsEntry("candidates", 2).containsEntry("score", "15");
        assertThat((String) review.get("message")).contains("2 rendez-vous Gazelle à égalité", "evt_A, evt_B");
        assertThat(db.anomalies(execution.getId())).containsExactly(
                "REVIEW_NEEDED|" + quartet + "|evt_A", "UNLINKED_OVERDUE|" + quartet + "|");
    }

    @Test
    void twoRequestsCompetingForOneAppointment() throws Exception {
        long gala = db.request(DAY, LocalTime.of(19, 0), "WP", "Gala", "PENDING");
        long troupe = db.request(DAY, LocalTime.of(14, 0), "TM", "Troupe", "PENDING");
        db.appointment("evt_GALA", PdaFixtures.PDA_CLIENT, "Place des Arts WP Gala", "WP", DAY, LocalTime.of(19, 0), "ACTIVE", null);

        JobExecution execution = runs.run(RUN, null);

        assertThat(db.link(gala)).isEqualTo("evt_GALA");
        assertThat(db.link(troupe)).isNull();
        assertThat(jdbc.queryForObject("SELECT details ->> 'reason' FROM pda_anomaly WHERE pda_request_id = ? AND kind = 'REVIEW_NEEDED'",
                String.class, troupe)).isEqualTo("TAKEN");
        assertThat(db.anomalies(execution.getId())).doesNotContain("APPOINTMENT_SHARED|" + gala + "|evt_GALA");
    }

    @Test
    void twoEqualRequestsShareTheirAppointmentWithAWarning() throws Exception {
        long first = db.request(DAY, LocalTime.of(19, 0), "WP", "Gala", "Steinway D", "PENDING", null, null);
        long second = db.request(DAY, LocalTime.of(19, 0), "WP", "Gala", "Yamaha CFX", "PENDING", null, null);
        db.appointment("evt_GALA", PdaFixtures.PDA_CLIENT, "Gala deux pianos", "WP", DAY, LocalTime.of(19, 0), "ACTIVE", null);

        JobExecution execution = runs.run(RUN, null);

        assertThat(db.link(first)).isEqualTo("evt_GALA");
        assertThat(db.link(second)).isEqualTo("evt_GALA");
        assertThat(db.anomalies(execution.getId())).containsExactly("APPOINTMENT_SHARED|" + first + "|evt_GALA");
    }

    @Test
    void aCompletedAppointmentAdvancesTheStatusStepByStep() throws Exception {
        db.technicianUser("Nicolas", "usr_NICO");
        long gala = db.request(DAY, LocalTime.of(19, 0), "WP", "Gala", "PENDING");
        db.appointment("evt_GALA", PdaFixtures.PDA_CLIENT, "Gala", "WP", DAY, LocalTime.of(18, 0), "COMPLETE", "usr_NICO");

        runs.run(RUN, null);

        assertThat(db.status(gala)).isEqualTo("COMPLETED");
        assertThat(db.history(gala)).containsExactly(">PENDING test ",
                "PENDING>CREATED_IN_GAZELLE pda-reconcile Liée au rendez-vous Gazelle evt_GALA",
                "CREATED_IN_GAZELLE>ASSIGN_OK pda-reconcile Technicien assigné dans Gazelle : Nicolas",
                "ASSIGN_OK>COMPLETED pda-reconcile Rendez-vous evt_GALA complété dans Gazelle (COMPLETE)");
        assertThat(jdbc.queryForMap("SELECT technician_id, technician_gazelle_id FROM pda_request WHERE id = ?", gala))
                .containsEntry("technician_id", 2L).containsEntry("technician_gazelle_id", "usr_NICO");
    }

    @Test
    void completionIsOnlyLookedAtOverTheLookBack() throws Exception {
        LocalDate old = RUN.minusDays(50);
        long request = db.request(old, LocalTime.of(19, 0), "WP", "Gala", "Steinway D", "CREATED_IN_GAZELLE", "evt_OLD", null);
        db.appointment("evt_OLD", PdaFixtures.PDA_CLIENT, "Gala", "WP", old, LocalTime.of(19, 0), "COMPLETED", null);

        runs.run(RUN, null);
        assertThat(db.status(request)).isEqualTo("CREATED_IN_GAZELLE");

        runs.run(RUN, 55L);
        assertThat(db.status(request)).isEqualTo("COMPLETED");
    }

    @Test
    void aPlaceholderTechnicianIsNotAnAssignment() throws Exception {
        db.technicianUser("À attribuer", "usr_TBD");
        long gala = db.request(DAY, LocalTime.of(19, 0), "WP", "Gala", "PENDING");
        db.appointment("evt_GALA", PdaFixtures.PDA_CLIENT, "Gala", "WP", DAY, LocalTime.of(19, 0), "ACTIVE", "usr_TBD");

        runs.run(RUN, null);

        assertThat(db.status(gala)).isEqualTo("CREATED_IN_GAZELLE");
        assertThat(jdbc.queryForObject("SELECT technician_gazelle_id FROM pda_request WHERE id = ?", String.class, gala)).isNull();
    }

    @Test
    void aCancelledOrVanishedAppointmentIsFlaggedAndTheLinkKept() throws Exception {
        long cancelled = db.request(DAY, LocalTime.of(19, 0), "WP", "Gala", "Steinway D", "CREATED_IN_GAZELLE", "evt_CANCELLED", null);
        long vanished = db.request(DAY, LocalTime.of(14, 0), "TM", "Troupe", "Steinway D", "ASSIGN_OK", "evt_GONE", null);
        db.appointment("evt_CANCELLED", PdaFixtures.PDA_CLIENT, "Gala", "WP", DAY, LocalTime.of(19, 0), "CANCELED", null);

        JobExecution execution = runs.run(RUN, null);

        assertThat(db.link(cancelled)).isEqualTo("evt_CANCELLED");
        assertThat(db.status(cancelled)).isEqualTo("CREATED_IN_GAZELLE");
        assertThat(db.link(vanished)).isEqualTo("evt_GONE");
        assertThat(db.status(vanished)).isEqualTo("ASSIGN_OK");
        assertThat(db.anomalies(execution.getId())).containsExactly(
                "LINKED_TO_CANCELLED|" + cancelled + "|evt_CANCELLED", "LINKED_TO_MISSING|" + vanished + "|evt_GONE");
    }

    @Test
    void theExportsLongSpellingOfCancelledIsReadAsCancelled() throws Exception {
        long gala = db.request(DAY, LocalTime.of(19, 0), "WP", "Gala", "Steinway D", "CREATED_IN_GAZELLE", "evt_CANCELLED", null);
        db.appointment("evt_CANCELLED", PdaFixtures.PDA_CLIENT, "Gala", "WP", DAY, LocalTime.of(19, 0), "CANCELLED", null);

        JobExecution execution = runs.run(RUN, null);

        assertThat(db.anomalies(execution.getId())).containsExactly("LINKED_TO_CANCELLED|" + gala + "|evt_CANCELLED");
    }

    @Test
    void aNoShowIsItsOwnAnomalyAndNeverACandidate() throws Exception {
        db.technicianUser("Nicolas", "usr_NICO");
        long gala = db.request(DAY, LocalTime.of(19, 0), "WP", "Gala", "Steinway D", "ASSIGN_OK", "evt_GALA", null);
        long troupe = db.request(DAY, LocalTime.of(14, 0), "TM", "Troupe", "PENDING");
        db.appointment("evt_GALA", PdaFixtures.PDA_CLIENT, "Gala", "WP", DAY, LocalTime.of(19, 0), "NO_SHOW", "usr_NICO");
        db.appointment("evt_TROUPE", PdaFixtures.PDA_CLIENT, "Place des Arts TM Troupe", "TM", DAY, LocalTime.of(14, 0), "NO_SHOW",
                "usr_NICO");

        JobExecution execution = runs.run(RUN, null);

        assertThat(db.status(gala)).as("a no-show is neither completed nor cancelled").isEqualTo("ASSIGN_OK");
        assertThat(db.link(troupe)).as("a no-show is not a booking to link").isNull();
        assertThat(db.anomalies(execution.getId())).containsExactly(
                "LINKED_TO_NO_SHOW|" + gala + "|evt_GALA", "UNLINKED_OVERDUE|" + troupe + "|");
        assertThat(jdbc.queryForObject("SELECT message FROM pda_anomaly WHERE kind = 'LINKED_TO_NO_SHOW'", String.class))
                .contains("client absent", "evt_GALA");
    }

    @Test
    void aBilledRequestIsNeverTouched() throws Exception {
        db.technicianUser("Nicolas", "usr_NICO");
        long unlinked = db.request(DAY, LocalTime.of(19, 0), "WP", "Gala", "Steinway D", "BILLED", null, null);
        long linked = db.request(DAY, LocalTime.of(14, 0), "TM", "Troupe", "Yamaha CFX", "BILLED", "evt_TROUPE", null);
        db.appointment("evt_GALA", PdaFixtures.PDA_CLIENT, "Gala", "WP", DAY, LocalTime.of(19, 0), "COMPLETE", "usr_NICO");
        db.appointment("evt_TROUPE", PdaFixtures.PDA_CLIENT, "Troupe", "TM", DAY, LocalTime.of(14, 0), "CANCELLED", "usr_NICO");
        db.appointmentPiano("evt_TROUPE", "ins_1");
        db.serviceNote("tme_1", "ins_1", "usr_NICO", DAY, "stat 12,50");
        List<String> before = db.snapshot();

        JobExecution execution = runs.run(RUN, null);

        assertThat(db.snapshot()).isEqualTo(before);
        assertThat(db.link(unlinked)).isNull();
        assertThat(db.status(linked)).isEqualTo("BILLED");
        // the billed request's day keeps evt_GALA from being called an orphan; billed requests are not alerted on
        assertThat(db.anomalies(execution.getId())).isEmpty();
    }

    @Test
    void parkingIsReadFromTheTechniciansServiceNote() throws Exception {
        db.technicianUser("Nicolas", "usr_NICO");
        long gala = db.request(DAY, LocalTime.of(19, 0), "WP", "Gala", "PENDING");
        db.appointment("evt_GALA", PdaFixtures.PDA_CLIENT, "Gala", "WP", DAY, LocalTime.of(19, 0), "COMPLETE", "usr_NICO");
        db.appointmentPiano("evt_GALA", "ins_1");
        db.serviceNote("tme_1", "ins_1", "usr_NICO", DAY, "Accord 442 Hz. 21°, 36%. stat 12,50");
        db.serviceNote("tme_2", "ins_1", "usr_ALLAN", DAY, "stat 20");
        db.serviceNote("tme_3", "ins_OTHER", "usr_NICO", DAY, "stat 30");
        db.serviceNote("tme_4", "ins_1", "usr_NICO", DAY.minusDays(1), "stat 40");

        runs.run(RUN, null);

        assertThat(db.parking(gala)).isEqualByComparingTo("12.50");
    }

    @Test
    void thermostatIsNotParking() throws Exception {
        db.technicianUser("Nicolas", "usr_NICO");
        long gala = db.request(DAY, LocalTime.of(19, 0), "WP", "Gala", "PENDING");
        db.appointment("evt_GALA", PdaFixtures.PDA_CLIENT, "Gala", "WP", DAY, LocalTime.of(19, 0), "COMPLETE", "usr_NICO");
        db.appointmentPiano("evt_GALA", "ins_1");
        db.serviceNote("tme_1", "ins_1", "usr_NICO", DAY, "Accord 440 Hz, thermostat 20");

        runs.run(RUN, null);

        assertThat(db.parking(gala)).isNull();
    }

    @Test
    void aHandEnteredParkingIsKeptAndTheDisagreementFlagged() throws Exception {
        db.technicianUser("Nicolas", "usr_NICO");
        long gala = db.request(DAY, LocalTime.of(19, 0), "WP", "Gala", "Steinway D", "PENDING", null, new BigDecimal("15.00"));
        db.appointment("evt_GALA", PdaFixtures.PDA_CLIENT, "Gala", "WP", DAY, LocalTime.of(19, 0), "COMPLETE", "usr_NICO");
        db.appointmentPiano("evt_GALA", "ins_1");
        db.serviceNote("tme_1", "ins_1", "usr_NICO", DAY, "stat 12,50");

        JobExecution execution = runs.run(RUN, null);

        assertThat(db.parking(gala)).isEqualByComparingTo("15.00");
        assertThat(db.anomalies(execution.getId())).containsExactly("PARKING_MISMATCH|" + gala + "|evt_GALA");
        assertThat(jdbc.queryForObject("SELECT message FROM pda_anomaly WHERE kind = 'PARKING_MISMATCH'", String.class))
                .contains("15,00 $", "12,50 $");
    }

    @Test
    void aSecondRunChangesNothingAndRecordsTheSameAnomaliesForItself() throws Exception {
        db.technicianUser("Nicolas", "usr_NICO");
        db.technicianUser("Allan", "usr_ALLAN");
        long gala = db.request(DAY, LocalTime.of(19, 0), "WP", "Gala", "Steinway D", "PENDING", null, new BigDecimal("15.00"));
        db.appointment("evt_GALA", PdaFixtures.PDA_CLIENT, "Gala", "WP", DAY, LocalTime.of(19, 0), "COMPLETE", "usr_NICO");
        db.appointmentPiano("evt_GALA", "ins_1");
        db.serviceNote("tme_1", "ins_1", "usr_NICO", DAY, "stat 12,50");
        long troupe = db.request(DAY, LocalTime.of(14, 0), "TM", "Troupe", "PENDING");
        db.appointment("evt_TROUPE", PdaFixtures.PDA_CLIENT, "Troupe", "TM", DAY, LocalTime.of(14, 0), "ACTIVE", "usr_ALLAN");
        db.appointmentPiano("evt_TROUPE", "ins_2");
        db.serviceNote("tme_2", "ins_2", "usr_ALLAN", DAY, "Stationnement 15,00");
        jdbc.update("UPDATE pda_request SET technician_id = 2 WHERE id = ?", troupe);
        long tie = db.request(DAY.minusDays(1), LocalTime.of(10, 0), "MS", "Quatuor", "PENDING");
        db.appointment("evt_A", PdaFixtures.PDA_CLIENT, "Accord", null, DAY.minusDays(1), LocalTime.of(9, 0), "ACTIVE", null);
        db.appointment("evt_B", PdaFixtures.PDA_CLIENT, "Accord", null, DAY.minusDays(1), LocalTime.of(11, 0), "ACTIVE", null);
        db.request(DAY, LocalTime.of(20, 0), "5E", "Sans rendez-vous", "PENDING");

        JobExecution first = runs.run(RUN, null);
        List<String> afterFirst = db.snapshot();
        List<String> firstAnomalies = db.anomalies(first.getId());
        JobExecution second = runs.run(RUN, null);

        assertThat(db.snapshot()).isEqualTo(afterFirst);
        assertThat(db.anomalies(second.getId())).isEqualTo(firstAnomalies).contains(
                "PARKING_MISMATCH|" + gala + "|evt_GALA", "TECHNICIAN_MISMATCH|" + troupe + "|evt_TROUPE",
                "REVIEW_NEEDED|" + tie + "|evt_A");
        assertThat(db.status(gala)).isEqualTo("COMPLETED");
        assertThat(db.status(troupe)).isEqualTo("ASSIGN_OK");
        assertThat(db.parking(troupe)).isEqualByComparingTo("15.00");
        assertThat(jdbc.queryForObject("SELECT technician_id FROM pda_request WHERE id = ?", Long.class, troupe)).isEqualTo(2L);
    }

    @Test
    void theWarningsSayOneLinePerKindWithACountAndAnExample() throws Exception {
        db.request(DAY, LocalTime.of(10, 0), "5E", "Récital", "PENDING");
        db.request(DAY, LocalTime.of(11, 0), "5E", "Récital", "PENDING");
        jdbc.update("""
                INSERT INTO pda_request (legacy_id, business_key, source, request_date, appointment_date, time_24h, room_code, for_who,
                                         piano_text, status)
                VALUES ('dup_1', 'k1', 'email', ?, ?, '19:00', 'MS', 'Orchestre démo', 'Steinway D', 'PENDING'),
                       ('dup_2', 'k2', 'manual', ?, ?, '19:00', 'MS', 'orchestre  DEMO', 'steinway d', 'PENDING')""",
                DAY.plusDays(10), DAY.plusDays(9), DAY.minusDays(1), DAY.plusDays(9));
        db.appointment("evt_ORPHAN", "cli_OTHER", "Place des Arts accord", null, DAY.minusDays(3), LocalTime.of(9, 0), "ACTIVE", null);
        jdbc.update("INSERT INTO gazelle_appointments (external_id, client_external_id, title, appointment_date, appointment_time, status) "
                + "VALUES ('evt_DISMISSED', 'cli_PDA', 'Accord', ?, '09:00', 'ACTIVE')", DAY.minusDays(4));
        jdbc.update("INSERT INTO pda_orphan_dismissal (appointment_external_id, dismissed_by) VALUES ('evt_DISMISSED', 'Louise')");

        JobExecution execution = runs.run(RUN, null);

        assertThat(execution.getExitStatus().getExitCode()).isEqualTo(RunWarnings.COMPLETED_WITH_WARNINGS);
        List<String> lines = List.of(execution.getExitStatus().getExitDescription().split("\n"));
        assertThat(lines).filteredOn(l -> l.startsWith("Place des Arts : ")).hasSize(4);
        // the two « Récital » past their date, and « orchestre DEMO » received on 9 March for the 19th (issue 19)
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Place des Arts : 3 demande(s) toujours sans rendez-vous")
                .contains("(ex. : Demande n° 1 « Récital » du 2026-03-10 10:00 (5E)"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Place des Arts : 1 groupe(s) de demandes en double"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Place des Arts : 1 rendez-vous Place des Arts sans demande")
                .contains("evt_ORPHAN"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Place des Arts : 1 demande(s) datée(s) après leur rendez-vous"));
    }
}
