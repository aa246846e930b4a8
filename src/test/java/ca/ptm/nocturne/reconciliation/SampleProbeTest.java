package ca.ptm.nocturne.reconciliation;

import ca.ptm.nocturne.operations.JobLaunches;
import ca.ptm.nocturne.operations.SyncOptions;
import ca.ptm.nocturne.support.NocturneIntegrationTest;
import ca.ptm.nocturne.support.SampleInbox;
import ca.ptm.nocturne.support.TestDatabase;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@NocturneIntegrationTest
class SampleProbeTest {
    @Autowired JobLaunches launches;
    @Autowired JdbcTemplate jdbc;
    @TempDir Path temp;

    @Test
    void probe() throws Exception {
        TestDatabase.clean(jdbc);
        var e1 = launches.runImport(SampleInbox.withSamples(temp).dir(), null);
        System.out.println("IMPORT " + e1.getStatus() + " " + e1.getExitStatus());
        var e2 = launches.runGazelleSync(LocalDate.of(2025, 12, 1), new SyncOptions("files", Path.of("jobs/samples/gazelle").toString(), false));
        System.out.println("SYNC " + e2.getStatus() + " " + e2.getExitStatus());
        for (String q : new String[] {
                "SELECT id, legacy_id, request_date, appointment_date, time_text, time_24h, room_code, for_who, piano_text, technician_id, technician_text, technician_gazelle_id, appointment_external_id, status, parking_amount, billed_at FROM pda_request ORDER BY id",
                "SELECT * FROM gazelle_appointments", "SELECT * FROM gazelle_appointment_pianos", "SELECT external_id, client_id, piano_id, user_id, occurred_at, occurred_date, entry_type, description, metadata, origin FROM gazelle_timeline_entries",
                "SELECT external_id, company_name FROM gazelle_clients", "SELECT * FROM technician", "SELECT * FROM pda_request_status_history"}) {
            System.out.println("== " + q);
            jdbc.queryForList(q).forEach(r -> System.out.println(r));
        }
    }
}
