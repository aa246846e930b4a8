package ca.ptm.nocturne.imports.venue;

import ca.ptm.nocturne.imports.writing.ExistingRow;
import ca.ptm.nocturne.imports.writing.ImportTarget;
import ca.ptm.nocturne.imports.writing.RowOrigin;
import ca.ptm.nocturne.imports.writing.WriteOutcome;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An inventory is a snapshot: a newer file updates the pianos it lists (and never removes the others). The same
 * piano twice in one file is a duplicate; the first line wins.
 */
public class VenuePianoTarget implements ImportTarget<VenuePiano> {

    private final JdbcTemplate jdbc;

    public VenuePianoTarget(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public WriteOutcome write(VenuePiano p, RowOrigin origin) {
        List<Long> written = jdbc.queryForList("""
                INSERT INTO venue_piano (institution_id, natural_key, room_code, local_text, piano_text, serial_raw,
                    serial_normalized, piano_type, priority, todo, last_tuned_on, import_warnings, import_batch_id, source_line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (institution_id, natural_key) DO UPDATE SET room_code = EXCLUDED.room_code,
                    local_text = EXCLUDED.local_text, piano_text = EXCLUDED.piano_text, serial_raw = EXCLUDED.serial_raw,
                    piano_type = EXCLUDED.piano_type, priority = EXCLUDED.priority, todo = EXCLUDED.todo,
                    last_tuned_on = coalesce(EXCLUDED.last_tuned_on, venue_piano.last_tuned_on),
                    import_warnings = EXCLUDED.import_warnings, import_batch_id = EXCLUDED.import_batch_id,
                    source_line = EXCLUDED.source_line, in_legacy_file = true, updated_at = now()
                WHERE venue_piano.import_batch_id IS DISTINCT FROM EXCLUDED.import_batch_id
                   OR venue_piano.source_line = EXCLUDED.source_line
                RETURNING id""", Long.class,
                p.institutionId(), p.naturalKey(), p.roomCode(), p.localText(), p.pianoText(), p.serialRaw(),
                p.serialNormalized(), p.pianoType(), p.priority(), p.todo(), p.lastTunedOn(), origin.warningArray(),
                origin.batchId(), origin.line());
        if (!written.isEmpty()) {
            return WriteOutcome.WRITTEN;
        }
        return ExistingRow.classify(jdbc.queryForMap("""
                SELECT v.import_batch_id, v.source_line, b.file_name FROM venue_piano v
                LEFT JOIN import_batch b ON b.id = v.import_batch_id WHERE v.institution_id = ? AND v.natural_key = ?""",
                p.institutionId(), p.naturalKey()), origin);
    }
}
