package ca.ptm.nocturne.reconciliation;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps place_des_arts_requests, the table the dashboard reads (and whose form and buttons write), in step with
 * pda_request: one row per request under its {@code dashboard_id}, rewritten only when a column differs. A table and
 * not a view because the old dashboard also writes into it (its manual form, its status buttons); rows it wrote under
 * other ids are left alone. Called after every stage that changes requests, inside that stage's transaction.
 */
@Component
public class DashboardTable {

    private static final String SYNC = """
            INSERT INTO place_des_arts_requests AS d (id, request_date, appointment_date, room, room_original, for_who, diapason,
                requester, piano, time, technician_id, billing_amount, parking, status, notes, appointment_id, billed_at, billed_by,
                created_at, updated_at)
            SELECT coalesce(r.dashboard_id, r.legacy_id), r.request_date, r.appointment_date, r.room_code, r.room_original, r.for_who, r.diapason,
                   r.requester_code, r.piano_text, r.time_text, coalesce(r.technician_gazelle_id, r.technician_text), r.billing_amount,
                   r.parking_amount, r.status, r.notes, r.appointment_external_id, r.billed_at, r.billed_by, r.created_at, now()
            FROM pda_request r
            ON CONFLICT (id) DO UPDATE SET request_date = EXCLUDED.request_date, appointment_date = EXCLUDED.appointment_date,
                room = EXCLUDED.room, room_original = EXCLUDED.room_original, for_who = EXCLUDED.for_who, diapason = EXCLUDED.diapason,
                requester = EXCLUDED.requester, piano = EXCLUDED.piano, time = EXCLUDED.time, technician_id = EXCLUDED.technician_id,
                billing_amount = EXCLUDED.billing_amount, parking = EXCLUDED.parking, status = EXCLUDED.status, notes = EXCLUDED.notes,
                appointment_id = EXCLUDED.appointment_id, billed_at = EXCLUDED.billed_at, billed_by = EXCLUDED.billed_by,
                created_at = EXCLUDED.created_at, updated_at = now()
            WHERE (d.request_date, d.appointment_date, d.room, d.room_original, d.for_who, d.diapason, d.requester, d.piano, d.time,
                   d.technician_id, d.billing_amount, d.parking, d.status, d.notes, d.appointment_id, d.billed_at, d.billed_by, d.created_at)
                IS DISTINCT FROM
                  (EXCLUDED.request_date, EXCLUDED.appointment_date, EXCLUDED.room, EXCLUDED.room_original, EXCLUDED.for_who,
                   EXCLUDED.diapason, EXCLUDED.requester, EXCLUDED.piano, EXCLUDED.time, EXCLUDED.technician_id, EXCLUDED.billing_amount,
                   EXCLUDED.parking, EXCLUDED.status, EXCLUDED.notes, EXCLUDED.appointment_id, EXCLUDED.billed_at, EXCLUDED.billed_by,
                   EXCLUDED.created_at)""";

    private final JdbcTemplate jdbc;

    public DashboardTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * For {@code run import} alone (in the night, the reconciliation's last step refreshes the table): the imported
     * requests reach the dashboard when the import ends, even when it ends with rejects.
     */
    public JobExecutionListener afterJob() {
        return new JobExecutionListener() {
            @Override
            public void afterJob(JobExecution jobExecution) {
                refresh();
            }
        };
    }

    /** @return the number of dashboard rows written (new or changed) */
    public int refresh() {
        return jdbc.update(SYNC);
    }
}
