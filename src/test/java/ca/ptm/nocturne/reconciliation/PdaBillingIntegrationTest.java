package ca.ptm.nocturne.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.ptm.nocturne.operations.OperationRefusedException;
import ca.ptm.nocturne.reports.pda.PdaBillingQuery;
import ca.ptm.nocturne.reports.pda.PdaRow;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.TestDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import ca.ptm.nocturne.shared.batch.WarningsJobListener;

/** The monthly billing action against PostgreSQL: what it bills, what it never touches, and that it runs once. */
@NocturneIntegrationTest
class PdaBillingIntegrationTest {

    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PdaBilling billing;
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
    long gala;
    long recital;
    long linkedOnly;
    long december;
    long billedBefore;

    @BeforeEach
    void requests() {
        TestDatabase.clean(jdbc);
        db = new PdaFixtures(jdbc);
        gala = db.request(LocalDate.of(2026, 11, 1), LocalTime.of(19, 0), "WP", "Gala", "Steinway D", "COMPLETED", "evt_GALA",
                new BigDecimal("15.00"));
        recital = db.request(LocalDate.of(2026, 11, 30), LocalTime.of(10, 0), "MS", "Récital", "COMPLETED");
        linkedOnly = db.request(LocalDate.of(2026, 11, 20), LocalTime.of(14, 0), "TM", "Troupe", "Yamaha CFX", "CREATED_IN_GAZELLE",
                "evt_TROUPE", null);
        december = db.request(LocalDate.of(2026, 12, 1), LocalTime.of(10, 0), "MS", "Noël", "COMPLETED");
        billedBefore = db.request(LocalDate.of(2026, 11, 3), LocalTime.of(9, 0), "5E", "Ancien", "BILLED");
        jdbc.update("UPDATE pda_request SET billed_at = '2026-11-04T12:00:00Z', billed_by = 'ancien système' WHERE id = ?", billedBefore);
    }

    @Test
    void theDryRunListsTheCompletedRequestsOfTheMonthWithTheTotalAndChangesNothing() {
        List<String> before = db.snapshot();

        PdaBilling.Result preview = billing.preview(NOVEMBER);

        assertThat(preview.lines()).extracting(PdaBilling.Line::id).containsExactly(gala, recital);
        assertThat(preview.total()).isEqualByComparingTo("365.00");
        assertThat(preview.applied()).isFalse();
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void aMonthIsBilledOnceAndTheReportShowsItBilled() {
        PdaBilling.Result first = billing.bill(NOVEMBER, "Allan");

        assertThat(first.lines()).extracting(PdaBilling.Line::id).containsExactly(gala, recital);
        assertThat(db.status(gala)).isEqualTo("BILLED");
        assertThat(db.status(recital)).isEqualTo("BILLED");
        assertThat(db.history(gala)).containsExactly(">COMPLETED test ", "COMPLETED>BILLED Allan Facturation de novembre 2026");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pda_request WHERE billed_by = 'Allan' AND billed_at IS NOT NULL",
                Integer.class)).isEqualTo(2);
        // never billed: not completed, another month, already billed by someone else
        assertThat(db.status(linkedOnly)).isEqualTo("CREATED_IN_GAZELLE");
        assertThat(db.history(linkedOnly)).containsExactly(">CREATED_IN_GAZELLE test ");
        assertThat(db.status(december)).isEqualTo("COMPLETED");
        assertThat(jdbc.queryForObject("SELECT billed_by FROM pda_request WHERE id = ?", String.class, billedBefore))
                .isEqualTo("ancien système");

        List<String> afterFirst = db.snapshot();
        PdaBilling.Result second = billing.bill(NOVEMBER, "Allan");
        assertThat(second.lines()).isEmpty();
        assertThat(db.snapshot()).isEqualTo(afterFirst);

        List<PdaRow> report = new PdaBillingQuery(jdbc).requests(NOVEMBER);
        assertThat(report).hasSize(4);
        assertThat(report.stream().filter(PdaRow::toBill)).isEmpty();
        assertThat(report.stream().filter(r -> r.status().label().equals("Facturé"))).hasSize(3);
    }

    @Test
    void theDashboardTableFollowsTheBilling() {
        billing.bill(NOVEMBER, "Allan");

        assertThat(jdbc.queryForList("SELECT id || '|' || status || '|' || coalesce(billed_by, '') FROM place_des_arts_requests ORDER BY id",
                String.class)).containsExactly("pda_test_1|BILLED|Allan", "pda_test_2|BILLED|Allan", "pda_test_3|CREATED_IN_GAZELLE|",
                "pda_test_4|COMPLETED|", "pda_test_5|BILLED|ancien système");
    }

    @Test
    void aBilledRequestIsNeverChangedByTheNight() throws Exception {
        billing.bill(NOVEMBER, "Allan");
        jdbc.update("INSERT INTO gazelle_clients (external_id, company_name) VALUES (?, 'Place des Arts')", PdaFixtures.PDA_CLIENT);
        db.appointment("evt_GALA", PdaFixtures.PDA_CLIENT, "Gala", "WP", LocalDate.of(2026, 11, 1), LocalTime.of(18, 0), "ACTIVE",
                null);
        List<String> billedRows = jdbc.queryForList("SELECT id || status || billed_at || billed_by || updated_at FROM pda_request "
                + "WHERE status = 'BILLED' ORDER BY id", String.class);

        new Reconciliations(jobRepository, jobOperator, flow, warnings).run(LocalDate.of(2026, 12, 2), null);

        assertThat(jdbc.queryForList("SELECT id || status || billed_at || billed_by || updated_at FROM pda_request "
                + "WHERE status = 'BILLED' ORDER BY id", String.class)).isEqualTo(billedRows);
    }

    @Test
    void billingNeedsANameAndAMonth() {
        assertThatThrownBy(() -> billing.bill(NOVEMBER, " ")).isInstanceOf(OperationRefusedException.class)
                .hasMessageContaining("--by=NOM");
        assertThatThrownBy(() -> PdaBilling.month("novembre")).isInstanceOf(OperationRefusedException.class)
                .hasMessage("Mois invalide : « novembre » (format attendu : AAAA-MM, par exemple 2025-11).");
        assertThat(db.status(gala)).isEqualTo("COMPLETED");
    }
}
