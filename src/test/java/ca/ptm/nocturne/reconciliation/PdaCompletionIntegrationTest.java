package ca.ptm.nocturne.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.gazelle.GazelleNodes;
import ca.ptm.nocturne.gazelle.standin.GazelleStandIn;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.TestDatabase;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The morning completion check against the schema-enforcing Gazelle stand-in: an appointment completed in Gazelle long
 * after its date (30 days) is seen, while the synced copy still says ACTIVE.
 */
@NocturneIntegrationTest
class PdaCompletionIntegrationTest {

    static final GazelleStandIn GAZELLE = GazelleStandIn.start();
    static final LocalDate RUN = LocalDate.of(2026, 12, 7);
    static final LocalDate THIRTY_DAYS_AGO = RUN.minusDays(30);

    @DynamicPropertySource
    static void gazelle(DynamicPropertyRegistry registry) {
        GAZELLE.registerProperties(registry);
    }

    @AfterAll
    static void stop() {
        GAZELLE.close();
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PdaCompletionJobConfiguration.Launcher completion;

    PdaFixtures db;

    @BeforeEach
    void clean() {
        TestDatabase.clean(jdbc);
        GAZELLE.reset();
        db = new PdaFixtures(jdbc);
        db.pdaClient();
    }

    @Test
    void aCompletionSeenThirtyDaysAfterTheAppointmentMovesTheRequestOnceAndIsRecorded() throws Exception {
        String done = String.format("evt_T%010d", 1);
        String open = String.format("evt_T%010d", 2);
        GAZELLE.addClients(GazelleNodes.clients(1));
        GAZELLE.addEvents(List.of(GazelleNodes.appointment(1, 1, THIRTY_DAYS_AGO + "T19:00:00Z", "COMPLETE"),
                GazelleNodes.appointment(2, 1, THIRTY_DAYS_AGO + "T15:00:00Z", "ACTIVE")));
        long gala = db.request(THIRTY_DAYS_AGO, LocalTime.of(14, 0), "WP", "Gala", "Steinway D", "CREATED_IN_GAZELLE", done, null);
        long recital = db.request(THIRTY_DAYS_AGO, LocalTime.of(10, 0), "MS", "Récital", "Steinway D", "ASSIGN_OK", open, null);
        long gone = db.request(THIRTY_DAYS_AGO, LocalTime.of(9, 0), "TM", "Troupe", "Steinway D", "ASSIGN_OK", "evt_GONE", null);
        long tooOld = db.request(RUN.minusDays(60), LocalTime.of(9, 0), "5E", "Ancien", "Steinway D", "ASSIGN_OK", done, null);
        // the synced copy still has the old status: only asking Gazelle sees the completion
        db.appointment(done, PdaFixtures.PDA_CLIENT, "Gala", "WP", THIRTY_DAYS_AGO, LocalTime.of(14, 0), "ACTIVE", null);

        JobExecution first = completion.run(RUN, null);

        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(db.status(gala)).isEqualTo("COMPLETED");
        assertThat(db.status(recital)).isEqualTo("ASSIGN_OK");
        assertThat(db.status(gone)).isEqualTo("ASSIGN_OK");
        assertThat(db.status(tooOld)).isEqualTo("ASSIGN_OK");
        assertThat(db.history(gala)).last().asString().startsWith("CREATED_IN_GAZELLE>COMPLETED pda-completion Rendez-vous " + done
                + " complété dans Gazelle (COMPLETE), vu par la vérification du matin (API Gazelle)");
        assertThat(GAZELLE.requests("event")).as("three appointments, one operation of aliases").isEqualTo(25);
        assertThat(GAZELLE.operations("PdaCompletion")).isEqualTo(1);
        assertThat(jdbc.queryForList("""
                SELECT pda_request_id || '|' || source || '|' || coalesce(found_status, '') || '|' || outcome FROM pda_completion_check
                WHERE job_execution_id = ? ORDER BY pda_request_id""", String.class, first.getId())).containsExactly(
                gala + "|api|COMPLETE|COMPLETED", recital + "|api|ACTIVE|NOT_YET", gone + "|api||MISSING");
        assertThat(jdbc.queryForObject("SELECT asked FROM pda_completion_check WHERE pda_request_id = ?", String.class, gala))
                .isEqualTo("API e1: event(eventId: \"" + done + "\") { id status }, lot 1/1");
        assertThat(jdbc.queryForObject("""
                SELECT source_count || '|' || written_count || '|' || target_count || '|' || status FROM sync_count_check
                WHERE job_execution_id = ? AND entity = 'pda-completion'""", String.class, first.getId())).isEqualTo("3|1|3|WARN");
        assertThat(jdbc.queryForObject("SELECT status FROM place_des_arts_requests WHERE id = 'pda_test_1'", String.class))
                .isEqualTo("COMPLETED");

        List<String> after = db.snapshot();
        JobExecution second = completion.run(RUN, null);
        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(db.snapshot()).isEqualTo(after);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pda_completion_check WHERE job_execution_id = ?", Integer.class,
                second.getId())).isEqualTo(2);
    }

    @Test
    void withTheExportsSourceItReadsTheExportsAndSaysSoWithoutAskingGazelle() throws Exception {
        long gala = db.request(THIRTY_DAYS_AGO, LocalTime.of(14, 0), "WP", "Gala", "Steinway D", "ASSIGN_OK", "evt_CSV", null);
        db.appointment("evt_CSV", PdaFixtures.PDA_CLIENT, "Gala", "WP", THIRTY_DAYS_AGO, LocalTime.of(14, 0), "COMPLETE", null);

        JobExecution run = completion.run(RUN, null, "files");

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(db.status(gala)).isEqualTo("COMPLETED");
        assertThat(GAZELLE.requests("event")).isZero();
        assertThat(jdbc.queryForObject("SELECT source || '|' || asked || '|' || outcome FROM pda_completion_check", String.class))
                .isEqualTo("files|exports CSV de Gazelle (copie synchronisée de cette nuit), evt_CSV|COMPLETED");
        assertThat(db.history(gala)).last().asString().endsWith("(exports CSV, sans interrogation de l'API)");
        assertThat(jdbc.queryForObject("SELECT source || '|' || status FROM sync_count_check WHERE entity = 'pda-completion'",
                String.class)).isEqualTo("files|OK");
    }
}
