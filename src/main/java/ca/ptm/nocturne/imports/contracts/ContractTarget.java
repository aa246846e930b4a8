package ca.ptm.nocturne.imports.contracts;

import ca.ptm.nocturne.imports.writing.ExistingRow;
import ca.ptm.nocturne.imports.writing.ImportTarget;
import ca.ptm.nocturne.imports.writing.RowOrigin;
import ca.ptm.nocturne.imports.writing.WriteOutcome;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** A contract per institution and season; a newer export updates it. */
public class ContractTarget implements ImportTarget<ServiceContract> {

    private final JdbcTemplate jdbc;

    public ContractTarget(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public WriteOutcome write(ServiceContract c, RowOrigin origin) {
        List<Long> written = jdbc.queryForList("""
                INSERT INTO service_contract (institution_id, season, starts_on, ends_on, status, day_rate, planned_tech_days,
                    done_tech_days, prep_tech_days, extra_tuning_rate, extra_tunings, travel_rate, done_trips, discount_amount,
                    notice_days, signed_on, notes, import_batch_id, source_line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (institution_id, season) DO UPDATE SET starts_on = EXCLUDED.starts_on, ends_on = EXCLUDED.ends_on,
                    status = EXCLUDED.status, day_rate = EXCLUDED.day_rate, planned_tech_days = EXCLUDED.planned_tech_days,
                    done_tech_days = EXCLUDED.done_tech_days, prep_tech_days = EXCLUDED.prep_tech_days,
                    extra_tuning_rate = EXCLUDED.extra_tuning_rate, extra_tunings = EXCLUDED.extra_tunings,
                    travel_rate = EXCLUDED.travel_rate, done_trips = EXCLUDED.done_trips,
                    discount_amount = EXCLUDED.discount_amount, notice_days = EXCLUDED.notice_days,
                    signed_on = EXCLUDED.signed_on, notes = EXCLUDED.notes, import_batch_id = EXCLUDED.import_batch_id,
                    source_line = EXCLUDED.source_line, updated_at = now()
                WHERE service_contract.import_batch_id IS DISTINCT FROM EXCLUDED.import_batch_id
                   OR service_contract.source_line = EXCLUDED.source_line
                RETURNING id""", Long.class,
                c.institutionId(), c.season(), c.startsOn(), c.endsOn(), c.status(), c.dayRate(), c.plannedDays(), c.doneDays(),
                c.prepDays(), c.extraTuningRate(), c.extraTunings(), c.travelRate(), c.doneTrips(), c.discount(), c.noticeDays(),
                c.signedOn(), c.notes(), origin.batchId(), origin.line());
        if (!written.isEmpty()) {
            return WriteOutcome.WRITTEN;
        }
        return ExistingRow.classify(jdbc.queryForMap("""
                SELECT c.import_batch_id, c.source_line, b.file_name FROM service_contract c
                LEFT JOIN import_batch b ON b.id = c.import_batch_id WHERE c.institution_id = ? AND c.season = ?""",
                c.institutionId(), c.season()), origin);
    }
}
