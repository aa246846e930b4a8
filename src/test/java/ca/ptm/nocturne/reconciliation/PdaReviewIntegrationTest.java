package ca.ptm.nocturne.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.ptm.nocturne.operations.OperationRefusedException;
import ca.ptm.nocturne.shared.batch.WarningsJobListener;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.TestDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/** Each review action of the console, then a night: the night respects what staff decided. */
@NocturneIntegrationTest
class PdaReviewIntegrationTest {

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
    @Autowired
    PdaReview review;

    PdaFixtures db;
    Reconciliations runs;

    @BeforeEach
    void clean() {
        TestDatabase.clean(jdbc);
        db = new PdaFixtures(jdbc);
        db.pdaClient();
        runs = new Reconciliations(jobRepository, jobOperator, flow, warnings);
    }

    @Test
    void aTieLinkedByHandStaysLinkedAndIsNoLongerReviewed() throws Exception {
        long quartet = db.request(DAY, LocalTime.of(10, 0), "MS", "Quatuor", "PENDING");
        db.appointment("evt_A", PdaFixtures.PDA_CLIENT, "Accord", null, DAY, LocalTime.of(9, 0), "ACTIVE", null);
        db.appointment("evt_B", PdaFixtures.PDA_CLIENT, "Accord", null, DAY, LocalTime.of(11, 0), "ACTIVE", null);
        JobExecution first = runs.run(RUN, null);
        assertThat(db.anomalies(first.getId())).contains("REVIEW_NEEDED|" + quartet + "|evt_A");
        assertThat(review.latest().orElseThrow().groups()).extracting(PdaReview.Group::kind)
                .containsExactly(AnomalyKind.UNLINKED_OVERDUE, AnomalyKind.REVIEW_NEEDED);
        PdaReview.Item tie = review.latest().orElseThrow().groups().get(1).items().get(0);
        assertThat(tie.kind()).isEqualTo(AnomalyKind.REVIEW_NEEDED);
        assertThat(tie.candidates()).extracting(c -> c.get("appointment") + ":" + c.get("score"))
                .containsExactlyInAnyOrder("evt_A:15", "evt_B:15");

        assertThat(review.link(quartet, "evt_B", "allan")).isEqualTo("Demande n° " + quartet + " liée au rendez-vous evt_B.");
        JobExecution next = runs.run(RUN.plusDays(1), null);

        assertThat(db.link(quartet)).isEqualTo("evt_B");
        assertThat(db.status(quartet)).isEqualTo("CREATED_IN_GAZELLE");
        assertThat(db.history(quartet)).containsExactly(">PENDING test ",
                "PENDING>CREATED_IN_GAZELLE allan Liée à la main au rendez-vous Gazelle evt_B");
        assertThat(db.anomalies(next.getId())).noneMatch(a -> a.startsWith("REVIEW_NEEDED"));
        assertThat(jdbc.queryForObject("SELECT linked_by FROM pda_request WHERE id = ?", String.class, quartet)).isEqualTo("allan");
    }

    @Test
    void aLinkChangedByHandIsNeverOverriddenByTheScorer() throws Exception {
        long gala = db.request(DAY, LocalTime.of(19, 0), "WP", "Gala fictif", "PENDING");
        db.appointment("evt_GALA", PdaFixtures.PDA_CLIENT, "Gala fictif", "WP", DAY, LocalTime.of(19, 0), "ACTIVE", null);
        db.appointment("evt_OTHER", PdaFixtures.PDA_CLIENT, "Accord", null, DAY, LocalTime.of(9, 0), "ACTIVE", null);
        runs.run(RUN, null);
        assertThat(db.link(gala)).isEqualTo("evt_GALA");

        review.link(gala, "evt_OTHER", "allan");
        runs.run(RUN.plusDays(1), null);
        runs.run(RUN.plusDays(2), null);

        assertThat(db.link(gala)).isEqualTo("evt_OTHER");
        assertThat(jdbc.queryForObject("SELECT appointment_id FROM place_des_arts_requests WHERE id = 'pda_test_1'", String.class))
                .isEqualTo("evt_OTHER");
    }

    @Test
    void aCompletedRequestIsNotRelinkedAndAnUnknownAppointmentIsRefused() {
        long done = db.request(DAY, LocalTime.of(19, 0), "WP", "Gala", "Steinway D", "COMPLETED", "evt_GALA", null);
        long open = db.request(DAY, LocalTime.of(10, 0), "MS", "Quatuor", "PENDING");

        assertThatThrownBy(() -> review.link(done, "evt_X", "allan")).isInstanceOf(OperationRefusedException.class)
                .hasMessage("La demande n° " + done + " est déjà complétée : son rendez-vous ne change plus.");
        assertThatThrownBy(() -> review.link(open, "evt_NOPE", "allan")).isInstanceOf(OperationRefusedException.class)
                .hasMessage("Rendez-vous Gazelle inconnu : « evt_NOPE ».");
        assertThat(db.link(done)).isEqualTo("evt_GALA");
        assertThat(db.link(open)).isNull();
    }

    @Test
    void aDismissedOrphanIsNoLongerReported() throws Exception {
        db.appointment("evt_ORPHAN", PdaFixtures.PDA_CLIENT, "Accord", null, DAY, LocalTime.of(9, 0), "ACTIVE", null);
        JobExecution first = runs.run(RUN, null);
        assertThat(db.anomalies(first.getId())).containsExactly("ORPHAN_APPOINTMENT||evt_ORPHAN");

        assertThat(review.dismiss("evt_ORPHAN", "Accord de la salle, facturé à part", "allan"))
                .isEqualTo("Rendez-vous evt_ORPHAN écarté : « Accord de la salle, facturé à part ».");
        assertThat(review.dismiss("evt_ORPHAN", "encore", "allan")).isEqualTo("Rendez-vous evt_ORPHAN déjà écarté (rien n'a changé).");
        assertThatThrownBy(() -> review.dismiss("evt_OTHER", " ", "allan")).isInstanceOf(OperationRefusedException.class)
                .hasMessage("Précisez la raison.");
        JobExecution next = runs.run(RUN.plusDays(1), null);

        assertThat(db.anomalies(next.getId())).isEmpty();
    }

    @Test
    void anAcceptedParkingDifferenceIsSilentUntilTheNoteChanges() throws Exception {
        db.technicianUser("Nicolas", "usr_NICO");
        long gala = db.request(DAY, LocalTime.of(19, 0), "WP", "Gala", "Steinway D", "PENDING", null, new BigDecimal("15.00"));
        db.appointment("evt_GALA", PdaFixtures.PDA_CLIENT, "Gala", "WP", DAY, LocalTime.of(19, 0), "ACTIVE", "usr_NICO");
        db.appointmentPiano("evt_GALA", "ins_1");
        db.serviceNote("tme_1", "ins_1", "usr_NICO", DAY, "stat 12,50");
        JobExecution first = runs.run(RUN, null);
        assertThat(db.anomalies(first.getId())).containsExactly("PARKING_MISMATCH|" + gala + "|evt_GALA");
        long anomaly = jdbc.queryForObject("SELECT id FROM pda_anomaly WHERE kind = 'PARKING_MISMATCH'", Long.class);

        assertThat(review.accept(anomaly, "Reçu du stationnement vérifié", "allan"))
                .isEqualTo("Écart de stationnement accepté pour la demande n° " + gala + " (valeur Gazelle : 12.50).");
        JobExecution second = runs.run(RUN.plusDays(1), null);
        assertThat(db.anomalies(second.getId())).isEmpty();
        assertThat(db.parking(gala)).isEqualByComparingTo("15.00");

        jdbc.update("UPDATE gazelle_timeline_entries SET description = 'stat 20,00' WHERE external_id = 'tme_1'");
        JobExecution third = runs.run(RUN.plusDays(2), null);
        assertThat(db.anomalies(third.getId())).containsExactly("PARKING_MISMATCH|" + gala + "|evt_GALA");
    }

    @Test
    void anAcceptedTechnicianDifferenceIsSilent() throws Exception {
        db.technicianUser("Allan", "usr_ALLAN");
        long troupe = db.request(DAY, LocalTime.of(14, 0), "TM", "Troupe", "PENDING");
        jdbc.update("UPDATE pda_request SET technician_id = (SELECT id FROM technician WHERE first_name = 'Nicolas') WHERE id = ?", troupe);
        db.appointment("evt_TROUPE", PdaFixtures.PDA_CLIENT, "Troupe", "TM", DAY, LocalTime.of(14, 0), "ACTIVE", "usr_ALLAN");
        JobExecution first = runs.run(RUN, null);
        assertThat(db.anomalies(first.getId())).containsExactly("TECHNICIAN_MISMATCH|" + troupe + "|evt_TROUPE");
        long anomaly = jdbc.queryForObject("SELECT id FROM pda_anomaly WHERE kind = 'TECHNICIAN_MISMATCH'", Long.class);

        review.accept(anomaly, null, "allan");
        JobExecution next = runs.run(RUN.plusDays(1), null);

        assertThat(db.anomalies(next.getId())).isEmpty();
        assertThat(jdbc.queryForObject("SELECT accepted_value || '|' || accepted_by FROM pda_accepted_difference", String.class))
                .isEqualTo("usr_ALLAN|allan");
    }
}
