package ca.ptm.nocturne.imports.pda;

import ca.ptm.nocturne.imports.writing.ExistingRow;
import ca.ptm.nocturne.imports.writing.ImportTarget;
import ca.ptm.nocturne.imports.writing.RowOrigin;
import ca.ptm.nocturne.imports.writing.WriteOutcome;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts requests keyed on their business key; the database's unique constraint decides what is a duplicate,
 * within a chunk, across chunks and across files alike. The first status is written to the status history. The
 * dashboard's text id is the file's own id when it has one no other request took ({@code pda_auto_NNNN} restarts in
 * every file: a second one gets a suffix from the business key's hash), else the derived legacy id.
 */
public class PdaRequestTarget implements ImportTarget<PdaRequest> {

    private final JdbcTemplate jdbc;

    public PdaRequestTarget(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public WriteOutcome write(PdaRequest r, RowOrigin origin) {
        List<Long> inserted = jdbc.queryForList("""
                INSERT INTO pda_request (legacy_id, business_key, source, request_date, appointment_date, time_text, time_24h,
                    room_code, room_original, for_who, diapason, requester_code, piano_text, technician_id, technician_text,
                    technician_gazelle_id, appointment_external_id, status, billing_amount, parking_amount, billed_at, billed_by,
                    notes, import_warnings, import_batch_id, source_line, source_legacy_id, dashboard_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text,
                        CASE WHEN ?::text IS NULL THEN ?
                             WHEN NOT EXISTS (SELECT 1 FROM pda_request WHERE dashboard_id = ?) THEN ?
                             ELSE ? || '_' || substr(?, 9, 8) END)
                ON CONFLICT DO NOTHING
                RETURNING id""", Long.class,
                r.legacyId(), r.businessKey(), r.source(), r.requestDate(), r.appointmentDate(), r.timeText(), r.time24h(),
                r.roomCode(), r.roomOriginal(), r.forWho(), r.diapason(), r.requesterCode(), r.pianoText(), r.technicianId(),
                r.technicianText(), r.technicianGazelleId(), r.appointmentExternalId(), r.status().name(), r.billingAmount(),
                r.parkingAmount(), r.billedAt() == null ? null : Timestamp.from(r.billedAt()), r.billedBy(), r.notes(),
                origin.warningArray(), origin.batchId(), origin.line(), r.sourceLegacyId(),
                r.sourceLegacyId(), r.legacyId(), r.sourceLegacyId(), r.sourceLegacyId(), r.sourceLegacyId(), r.legacyId());
        if (!inserted.isEmpty()) {
            jdbc.update("""
                    INSERT INTO pda_request_status_history (pda_request_id, from_status, to_status, changed_by, reason)
                    VALUES (?, NULL, ?, 'import', ?) ON CONFLICT DO NOTHING""",
                    inserted.get(0), r.status().name(), "Import du fichier, ligne " + origin.line());
            return WriteOutcome.WRITTEN;
        }
        Map<String, Object> existing = jdbc.queryForMap("""
                SELECT r.import_batch_id, r.source_line, b.file_name FROM pda_request r
                LEFT JOIN import_batch b ON b.id = r.import_batch_id WHERE r.business_key = ? OR r.legacy_id = ? LIMIT 1""",
                r.businessKey(), r.legacyId());
        return ExistingRow.classify(existing, origin);
    }
}
