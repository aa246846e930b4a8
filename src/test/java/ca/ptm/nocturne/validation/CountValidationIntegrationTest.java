package ca.ptm.nocturne.validation;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.shared.batch.RunWarnings;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.SampleInbox;
import ca.ptm.nocturne.support.Steps;
import ca.ptm.nocturne.support.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Each count rule firing and not firing on real data in PostgreSQL. */
@NocturneIntegrationTest
class CountValidationIntegrationTest {

    @Autowired
    JobLaunches launches;
    @Autowired
    Revalidation revalidation;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path temp;

    @BeforeEach
    void clean() {
        TestDatabase.clean(jdbc);
    }

    @Test
    void aBalancedImportIsOkAndEveryFileIsAccountedForAcrossWrittenRejectedAndDuplicates() throws Exception {
        JobExecution execution = launches.runImport(SampleInbox.withSamples(temp).dir(), null);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(checks(execution, "import")).containsExactlyInAnyOrder(
                "contrats.csv OK 2=2+0+0 table=2",
                "contrats-versements.csv OK 3=3+0+0 table=3",
                "fournitures-mouvements.csv OK 4=3+0+1 table=3",
                "fournitures-noms.csv OK 3=3+0+0 table=3",
                "fournitures-produits.csv OK 4=3+1+0 table=3",
                "fournitures-stock.csv OK 4=2+2+0 table=2",
                "inventaire-place-des-arts.csv OK 7=6+0+1 table=6",
                "pda-collage-2026-02.tsv OK 4=4+0+0 table=4",
                "pda-demandes-2025-11.csv OK 8=4+3+1 table=4");
        assertThat(jdbc.queryForList("SELECT entity FROM sync_count_check WHERE stage = 'tables' AND status = 'OK' ORDER BY 1",
                String.class)).containsExactly("contract_installment", "pda_request", "product", "service_contract", "stock_movement",
                "technician_stock", "venue_piano");
    }

    @Test
    void aRowLostAfterTheImportFailsTheRecheck() throws Exception {
        JobExecution execution = launches.runImport(SampleInbox.withSamples(temp).dir(), null);
        jdbc.update("DELETE FROM pda_request_status_history WHERE pda_request_id = (SELECT min(id) FROM pda_request)");
        jdbc.update("DELETE FROM pda_request WHERE id = (SELECT min(id) FROM pda_request)");

        List<CountCheck> rechecked = revalidation.recheck(execution);

        assertThat(rechecked).filteredOn(c -> c.status() == CheckStatus.FAIL).singleElement().satisfies(c -> {
            assertThat(c.entity()).isEqualTo("pda-collage-2026-02.tsv");
            assertThat(c.rules()).containsExactly("target");
            assertThat(c.message()).contains("1 perdues");
        });
    }

    @Test
    void countsThatDoNotBalanceFailTheRecheck() throws Exception {
        JobExecution execution = launches.runImport(SampleInbox.withSamples(temp).dir(), null);
        jdbc.update("UPDATE import_batch SET rows_read = rows_read + 2 WHERE file_name = 'fournitures-produits.csv'");

        List<CountCheck> rechecked = revalidation.recheck(execution);

        assertThat(rechecked).filteredOn(c -> c.entity().equals("fournitures-produits.csv")).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(c.rules()).contains("balance");
            assertThat(c.message()).contains("6 lus ≠ 3 écrits + 1 rejetés + 0 doublons (2 disparus)");
        });
    }

    @Test
    void aFileOfExactlyAThousandRowsIsAWarningEvenWhenItBalances() throws Exception {
        StringBuilder movements = new StringBuilder("TransactionId,OccurredAt,TechnicianId,ProductId,DeltaQty,Reason,Source,SourceRef,Notes\n");
        for (int i = 1; i <= 1000; i++) {
            movements.append(9000 + i).append(",2026-02-03T17:10:00,Nicolas,101,-1,deduction,invoice,").append(20000 + i).append(",\n");
        }
        SampleInbox inbox = SampleInbox.empty(temp).copySample("fournitures-produits.csv").write("mouvements-1000.csv", movements.toString());

        JobExecution execution = launches.runImport(inbox.dir(), null);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(execution.getExitStatus().getExitCode()).isEqualTo(RunWarnings.COMPLETED_WITH_WARNINGS);
        assertThat(jdbc.queryForMap("SELECT status, suspicious_cap, message FROM sync_count_check WHERE entity = 'mouvements-1000.csv'"))
                .containsEntry("status", "WARN").containsEntry("suspicious_cap", true);
        assertThat(execution.getExitStatus().getExitDescription()).contains("mouvements-1000.csv").contains("multiple exact de 1000");
    }

    @Test
    void aTableThatShrankByHalfSinceTheLastGoodRunFailsTheRun() throws Exception {
        launches.runImport(SampleInbox.withSamples(temp).dir(), null);
        jdbc.update("DELETE FROM pda_request_status_history");
        jdbc.update("DELETE FROM pda_request WHERE source = 'tab_paste'");
        jdbc.update("DELETE FROM pda_request WHERE for_who = 'Gala fictif'");
        SampleInbox later = SampleInbox.empty(temp.resolve("later")).write("pda-nouvelle.csv", """
                Date de la demande,Date du RDV,Salle,Pour qui,Heure,Statut
                2026-03-01,2026-03-12,MS,Récital du printemps,19h,PENDING
                """);

        JobExecution execution = launches.runImport(later.dir(), null);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(Steps.named(execution, "validate-import").getExitStatus().getExitDescription())
                .contains("pda_request — La table a perdu 4 lignes sur 8 (50 %, seuil 20 %)");
        assertThat(jdbc.queryForObject("SELECT status FROM sync_count_check WHERE stage = 'tables' AND entity = 'pda_request' "
                + "AND job_execution_id = ?", String.class, execution.getId())).isEqualTo("FAIL");
        assertThat(jdbc.queryForObject("SELECT status FROM sync_count_check WHERE entity = 'pda-nouvelle.csv'", String.class))
                .as("the file itself balanced").isEqualTo("OK");
    }

    private List<String> checks(JobExecution execution, String stage) {
        return jdbc.query("SELECT entity, status, source_count, written_count, rejected_count, duplicate_count, target_count "
                + "FROM sync_count_check WHERE job_execution_id = ? AND stage = ?", (rs, n) -> rs.getString(1) + " " + rs.getString(2)
                + " " + rs.getLong(3) + "=" + rs.getLong(4) + "+" + rs.getLong(5) + "+" + rs.getLong(6) + " table=" + rs.getLong(7),
                execution.getId(), stage);
    }

}
