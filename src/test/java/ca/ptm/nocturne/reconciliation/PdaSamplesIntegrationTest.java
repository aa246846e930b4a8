package ca.ptm.nocturne.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.operations.SyncOptions;
import ca.ptm.nocturne.shared.batch.WarningsJobListener;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.SampleInbox;
import ca.ptm.nocturne.support.TestDatabase;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bundled samples end to end: the legacy import of jobs/samples/import, the Gazelle files sync of
 * jobs/samples/gazelle, then the reconciliation of the night of 2025-12-01.
 */
@NocturneIntegrationTest
class PdaSamplesIntegrationTest {

    static final LocalDate RUN = LocalDate.of(2025, 12, 1);

    @Autowired
    JobLaunches launches;
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
    LinkPlanner planner;
    @Autowired
    PdaRequestStore requests;

    @TempDir
    Path temp;
    PdaFixtures db;

    @BeforeEach
    void importAndSyncTheSamples() throws Exception {
        TestDatabase.clean(jdbc);
        jdbc.update("DELETE FROM pda_orphan_dismissal");
        db = new PdaFixtures(jdbc);
        assertThat(launches.runImport(SampleInbox.withSamples(temp).dir(), null).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(launches.runGazelleSync(RUN, new SyncOptions("files", Path.of("jobs/samples/gazelle").toString(), false))
                .getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    long requestFor(String forWho, LocalDate date) {
        return jdbc.queryForObject("SELECT id FROM pda_request WHERE for_who = ? AND appointment_date = ?", Long.class, forWho, date);
    }

    @Test
    void theSamplesLinkAsTheRulesSay() throws Exception {
        long gala = requestFor("Gala fictif", LocalDate.of(2025, 11, 21));
        long troupe = requestFor("Troupe exemple", LocalDate.of(2025, 11, 22));
        long orchestra = requestFor("Orchestre démo", LocalDate.of(2026, 2, 20));

        JobExecution execution = new Reconciliations(jobRepository, jobOperator, flow, warnings).run(RUN, null);

        // Gala fictif (WP, avant 18h): evt_DEMO0000000001 "Place des Arts Gala fictif avant 18h" at 16:00,
        // 1 + 10 (title) + 3 ("gala") + 4 (within 2 h of 18:00) = 18, the only candidate of the day.
        assertThat(db.link(gala)).isEqualTo("evt_DEMO0000000001");
        assertThat(db.status(gala)).isEqualTo("COMPLETED");
        // The 15,00 of the request log is a hand-entered amount. The files sync gives the appointment neither piano nor
        // technician (the event export has no piano column, and technicians have no Gazelle user id without the users
        // sync), so no service note can be tied to it: no parking is derived and the 15.00 stands, without a flag.
        assertThat(db.parking(gala)).isEqualByComparingTo("15.00");

        // Troupe exemple (TM, 14:30) is BILLED in the request log: billed requests are never modified, so it stays
        // unlinked; its best match is evt_DEMO0000000004 (1 + 10 + 3 + 5 + 3 + 4 = 26), which is therefore no orphan.
        assertThat(db.link(troupe)).isNull();
        assertThat(db.status(troupe)).isEqualTo("BILLED");
        PdaRequestRow troupeRow = requests.from(LocalDate.of(2025, 11, 22)).stream().filter(r -> r.id() == troupe).findFirst()
                .orElseThrow();
        ReconcileRun run = new ReconcileRun(execution.getId(), RUN, RUN.minusDays(60), RUN.minusDays(45), 2, 24);
        MatchDecision troupeDecision = planner.explain(troupeRow, run);
        assertThat(troupeDecision.outcome()).isEqualTo(MatchDecision.Outcome.LINK);
        assertThat(troupeDecision.best().orElseThrow().appointment().externalId()).isEqualTo("evt_DEMO0000000004");
        assertThat(troupeDecision.best().orElseThrow().score()).isEqualTo(26);

        // Orchestre démo (MS, avant 9h, 2026-02-20) → evt_DEMO0000000005 "Place des Arts MS Orchestre démo" at 08:00.
        assertThat(db.link(orchestra)).isEqualTo("evt_DEMO0000000005");
        assertThat(db.status(orchestra)).isEqualTo("CREATED_IN_GAZELLE");

        // Récital démo (11-29) and Quatuor démo (11-28) have no appointment two days later.
        assertThat(db.anomalies(execution.getId())).containsExactly(
                "UNLINKED_OVERDUE|" + requestFor("Récital démo", LocalDate.of(2025, 11, 29)) + "|",
                "UNLINKED_OVERDUE|" + requestFor("Quatuor démo, 2e partie", LocalDate.of(2025, 11, 28)) + "|");
    }

    @Test
    void withTheApiDataTheNicolasNoteDisagreesWithTheHandEnteredParking() throws Exception {
        // What the API sync adds to the samples: Gazelle user ids, the appointment's technician and piano. The service note
        // stays the CSV one (no user id, "Created By" Nicolas X).
        jdbc.update("UPDATE technician SET gazelle_user_id = 'usr_NICO' WHERE first_name = 'Nicolas'");
        jdbc.update("UPDATE gazelle_appointments SET technicien = 'usr_NICO' WHERE external_id = 'evt_DEMO0000000001'");
        jdbc.update("INSERT INTO gazelle_appointment_pianos (external_id, appointment_external_id, piano_external_id) "
                + "VALUES ('apk_1', 'evt_DEMO0000000001', 'ins_DEMO0000000001')");
        long gala = requestFor("Gala fictif", LocalDate.of(2025, 11, 21));

        JobExecution execution = new Reconciliations(jobRepository, jobOperator, flow, warnings).run(RUN, null);

        assertThat(db.parking(gala)).isEqualByComparingTo("15.00");
        assertThat(db.anomalies(execution.getId())).contains("PARKING_MISMATCH|" + gala + "|evt_DEMO0000000001");
        assertThat(jdbc.queryForObject("SELECT details ->> 'fromNotes' FROM pda_anomaly WHERE kind = 'PARKING_MISMATCH'", String.class))
                .isEqualTo("12.50");
        assertThat(jdbc.queryForObject("SELECT technician_gazelle_id FROM pda_request WHERE id = ?", String.class, gala))
                .isEqualTo("usr_NICO");
    }
}
