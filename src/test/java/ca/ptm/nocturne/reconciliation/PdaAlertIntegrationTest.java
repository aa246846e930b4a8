package ca.ptm.nocturne.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.shared.batch.WarningsJobListener;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.TestDatabase;
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

/** The 24-hour alert counts from the request's arrival, not from its appointment, and says how long is left. */
@NocturneIntegrationTest
class PdaAlertIntegrationTest {

    static final LocalDate RUN = LocalDate.of(2026, 3, 12);
    static final LocalDate NEXT_MONTH = LocalDate.of(2026, 4, 15);

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

    @BeforeEach
    void clean() {
        TestDatabase.clean(jdbc);
        db = new PdaFixtures(jdbc);
        db.pdaClient();
    }

    @Test
    void aRequestReceivedYesterdayForNextMonthIsFlaggedWithTheDaysLeft() throws Exception {
        long yesterday = db.request(NEXT_MONTH, LocalTime.of(19, 0), "WP", "Gala", "PENDING");
        jdbc.update("UPDATE pda_request SET request_date = ? WHERE id = ?", RUN.minusDays(1), yesterday);
        long today = db.request(NEXT_MONTH, LocalTime.of(10, 0), "MS", "Récital", "PENDING");
        jdbc.update("UPDATE pda_request SET request_date = ? WHERE id = ?", RUN, today);
        long undatedOld = db.request(NEXT_MONTH.plusDays(1), LocalTime.of(10, 0), "TM", "Troupe", "PENDING");
        jdbc.update("UPDATE pda_request SET request_date = NULL, created_at = '2026-03-10T15:00:00Z' WHERE id = ?", undatedOld);
        long undatedFresh = db.request(NEXT_MONTH.plusDays(2), LocalTime.of(10, 0), "5E", "Duo", "PENDING");
        jdbc.update("UPDATE pda_request SET request_date = NULL, created_at = '2026-03-12T07:00:00Z' WHERE id = ?", undatedFresh);

        JobExecution run = new Reconciliations(jobRepository, jobOperator, flow, warnings).run(RUN, null);

        assertThat(db.anomalies(run.getId())).containsExactly("UNLINKED_OVERDUE|" + yesterday + "|",
                "UNLINKED_OVERDUE|" + undatedOld + "|");
        assertThat(jdbc.queryForList("SELECT message FROM pda_anomaly WHERE job_execution_id = ? ORDER BY pda_request_id", String.class,
                run.getId())).containsExactly(
                "Demande n° " + yesterday + " « Gala » du 2026-04-15 19:00 (WP) : reçue le 11 mars 2026, toujours sans rendez-vous "
                        + "Gazelle après 24 h ; plus que 34 jours avant le concert.",
                "Demande n° " + undatedOld + " « Troupe » du 2026-04-16 10:00 (TM) : importée le 10 mars 2026, toujours sans "
                        + "rendez-vous Gazelle après 24 h ; plus que 35 jours avant le concert.");
    }

    @Test
    void theDaysLeftAreWordedForTomorrowTodayAndPast() {
        assertThat(PdaChecksTasklet.remaining(1)).isEqualTo("le concert est demain");
        assertThat(PdaChecksTasklet.remaining(0)).isEqualTo("le concert est aujourd'hui");
        assertThat(PdaChecksTasklet.remaining(-1)).isEqualTo("le concert est passé depuis 1 jour");
        assertThat(PdaChecksTasklet.remaining(-3)).isEqualTo("le concert est passé depuis 3 jours");
    }
}
