package ca.ptm.nocturne.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.shared.batch.WarningsJobListener;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.TestDatabase;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/** A run whose last step fails is restarted from that step; the anomalies of both executions make its warnings. */
@NocturneIntegrationTest
class PdaReconcileRestartIntegrationTest {

    static final String JOB_NAME = "pda-reconcile-restart-test";
    static final LocalDate DAY = LocalDate.of(2026, 3, 10);

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

    @BeforeEach
    void clean() {
        TestDatabase.clean(jdbc);
        jdbc.update("DELETE FROM pda_orphan_dismissal");
    }

    @Test
    void aFailedChecksStepIsRedoneAloneOnRestart() throws Exception {
        PdaFixtures db = new PdaFixtures(jdbc);
        db.pdaClient();
        long tie = db.request(DAY, LocalTime.of(10, 0), "MS", "Quatuor", "PENDING");
        db.appointment("evt_A", PdaFixtures.PDA_CLIENT, "Accord", null, DAY, LocalTime.of(9, 0), "ACTIVE", null);
        db.appointment("evt_B", PdaFixtures.PDA_CLIENT, "Accord", null, DAY, LocalTime.of(11, 0), "ACTIVE", null);
        long gala = db.request(DAY, LocalTime.of(19, 0), "WP", "Gala", "PENDING");
        db.appointment("evt_GALA", PdaFixtures.PDA_CLIENT, "Gala", "WP", DAY, LocalTime.of(19, 0), "ACTIVE", null);

        Job job = new JobBuilder(JOB_NAME, jobRepository).start(flow).end().listener(warnings).build();
        JobParameters parameters = new JobParametersBuilder().addLocalDate(ReconcileRun.DATE, DAY.plusDays(2)).toJobParameters();
        jdbc.execute("ALTER TABLE pda_orphan_dismissal RENAME TO pda_orphan_dismissal_away");
        JobExecution failed;
        try {
            failed = jobOperator.start(job, parameters);
        } finally {
            jdbc.execute("ALTER TABLE pda_orphan_dismissal_away RENAME TO pda_orphan_dismissal");
        }
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(db.link(gala)).isEqualTo("evt_GALA");
        assertThat(db.anomalies(failed.getId())).containsExactly("REVIEW_NEEDED|" + tie + "|evt_A");

        // the same job and identifying parameters: Spring Batch restarts the failed instance
        JobExecution restarted = jobOperator.start(job, parameters);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getStepExecutions()).extracting(StepExecution::getStepName)
                .containsExactly(PdaReconcileConfiguration.CHECKS_STEP);
        assertThat(db.anomalies(restarted.getId())).containsExactly("UNLINKED_OVERDUE|" + tie + "|");
        assertThat(db.history(gala)).hasSize(2);
        assertThat(restarted.getExitStatus().getExitDescription())
                .contains("Place des Arts : 1 demande(s) toujours sans rendez-vous", "Place des Arts : 1 demande(s) à vérifier");
    }
}
