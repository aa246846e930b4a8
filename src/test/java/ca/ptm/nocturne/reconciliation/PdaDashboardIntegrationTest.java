package ca.ptm.nocturne.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** place_des_arts_requests, the dashboard's table, follows pda_request; the files' own request ids are kept. */
@NocturneIntegrationTest
class PdaDashboardIntegrationTest {

    /** Every column of the dashboard's table, as pda_request gives it. */
    static final String FROM_REQUESTS = """
            SELECT concat_ws('|', coalesce(dashboard_id, legacy_id), request_date, appointment_date, room_code, room_original, for_who,
                   diapason, requester_code, piano_text, time_text, coalesce(technician_gazelle_id, technician_text), billing_amount,
                   parking_amount, status, notes, appointment_external_id, billed_at, billed_by, created_at)
            FROM pda_request ORDER BY 1""";
    static final String FROM_DASHBOARD = """
            SELECT concat_ws('|', id, request_date, appointment_date, room, room_original, for_who, diapason, requester, piano, time,
                   technician_id, billing_amount, parking, status, notes, appointment_id, billed_at, billed_by, created_at)
            FROM place_des_arts_requests ORDER BY 1""";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JobLaunches launches;
    @TempDir
    Path inbox;

    @BeforeEach
    void clean() {
        TestDatabase.clean(jdbc);
    }

    @Test
    void importedIdsAreKeptAndTheDashboardTableEqualsPdaRequestAfterANight() throws Exception {
        String header = "Date de la demande,Date du RDV,Salle,Pour qui,Diapason,Demandeur,Piano,Heure,Qui le fait,Facturation (175$),"
                + "Stationnement,Statut,Commentaire,id\n";
        Files.writeString(inbox.resolve("pda-demandes-a.csv"), header
                + "2026-11-14,2026-11-21,WP,Gala fictif,442,QA,Steinway D,avant 18h,Nick,,\"15,00\",COMPLETED,,pda_manual_1763000000\n"
                + "2026-11-17,2026-11-22,TM,Troupe exemple,440,QB,Yamaha CFX,14h30,Allan,175,,PENDING,,pda_auto_0001\n"
                + "2026-11-18,2026-11-29,5E,Récital démo,442,,à suivre,10h,Nick,,,PENDING,,\n", StandardCharsets.UTF_8);
        Files.writeString(inbox.resolve("pda-demandes-b.csv"), header
                + "2026-11-19,2026-11-30,MS,Concert démo,442,QC,Steinway D,19h,,,,PENDING,,pda_auto_0001\n", StandardCharsets.UTF_8);

        assertThat(launches.runImport(inbox.toString(), null).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(TestDatabase.count(jdbc, "import_reject")).isZero();

        assertThat(jdbc.queryForList("SELECT coalesce(source_legacy_id, '-') || ' ' || dashboard_id || ' ' || for_who FROM pda_request "
                + "ORDER BY appointment_date", String.class)).satisfiesExactly(
                row -> assertThat(row).isEqualTo("pda_manual_1763000000 pda_manual_1763000000 Gala fictif"),
                row -> assertThat(row).isEqualTo("pda_auto_0001 pda_auto_0001 Troupe exemple"),
                row -> assertThat(row).matches("- pda_lgc_[0-9a-f]{16} Récital démo"),
                row -> assertThat(row).matches("pda_auto_0001 pda_auto_0001_[0-9a-f]{8} Concert démo"));
        // « run import » alone brings the dashboard's table in step
        assertThat(jdbc.queryForList(FROM_DASHBOARD, String.class)).hasSize(4).isEqualTo(jdbc.queryForList(FROM_REQUESTS, String.class));

        jdbc.update("INSERT INTO gazelle_clients (external_id, company_name) VALUES ('cli_PDA', 'Place des Arts')");
        jdbc.update("""
                INSERT INTO gazelle_appointments (external_id, client_external_id, title, appointment_date, appointment_time,
                                                  start_datetime, status, event_type)
                VALUES ('evt_TROUPE', 'cli_PDA', 'Troupe exemple', '2026-11-22', '14:30', '2026-11-22T19:30:00Z', 'ACTIVE', 'APPOINTMENT')""");
        assertThat(launches.runPdaReconcile(LocalDate.of(2026, 11, 23), null).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        List<String> requests = jdbc.queryForList(FROM_REQUESTS, String.class);
        assertThat(requests).anySatisfy(r -> assertThat(r).startsWith("pda_auto_0001|").contains("|CREATED_IN_GAZELLE|").contains("evt_TROUPE"));
        assertThat(jdbc.queryForList(FROM_DASHBOARD, String.class)).isEqualTo(requests);

        // a second night rewrites nothing
        List<String> stamps = jdbc.queryForList("SELECT id || ' ' || updated_at FROM place_des_arts_requests ORDER BY id", String.class);
        launches.runPdaReconcile(LocalDate.of(2026, 11, 24), null);
        assertThat(jdbc.queryForList("SELECT id || ' ' || updated_at FROM place_des_arts_requests ORDER BY id", String.class))
                .isEqualTo(stamps);
    }
}
