package ca.ptm.nocturne.imports.ledger;

import ca.ptm.nocturne.imports.parsing.RejectCode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The record of every legacy file Nocturne has seen ({@code import_batch}) and of every problem found in one
 * ({@code import_reject}). Counters move inside the chunk transactions, so they always describe committed rows.
 */
@Repository
public class ImportBatchLedger {

    /** How the warning about a record spanning many lines starts: it is one of the run's warnings. */
    public static final String LONG_RECORD = "Enregistrement sur plusieurs lignes";
    private static final int MAX_RAW_LINE = 4000;
    private static final int MAX_RAW_VALUE = 500;

    private final JdbcTemplate jdbc;

    public ImportBatchLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ImportBatch> findBySha(String sha256) {
        return jdbc.query("SELECT * FROM import_batch WHERE file_sha256 = ?", ImportBatch.ROW_MAPPER, sha256).stream().findFirst();
    }

    public Optional<ImportBatch> find(long id) {
        return jdbc.query("SELECT * FROM import_batch WHERE id = ?", ImportBatch.ROW_MAPPER, id).stream().findFirst();
    }

    public List<ImportBatch> ofJobInstance(long jobInstanceId) {
        return jdbc.query("SELECT * FROM import_batch WHERE job_instance_id = ? ORDER BY id", ImportBatch.ROW_MAPPER, jobInstanceId);
    }

    /** The first problems found by the imports of one job instance, duplicates last. */
    public List<ImportReject> firstRejects(long jobInstanceId, int limit) {
        return jdbc.query("""
                SELECT r.id, b.file_name, r.line_number, r.field_name, r.raw_value, r.error_code, r.message, r.raw_line
                FROM import_reject r JOIN import_batch b ON b.id = r.import_batch_id
                WHERE b.job_instance_id = ?
                ORDER BY (r.error_code = 'DUPLICATE'), b.file_name, r.line_number LIMIT ?""",
                (rs, n) -> new ImportReject(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8)), jobInstanceId, limit);
    }

    /**
     * Opens (or reopens, when an earlier run stopped before finishing it) the batch of a file about to be imported.
     * Counters restart from zero: rows the earlier run wrote are recognised as its own when read again.
     */
    public long open(NewBatch file, long jobInstanceId, long jobExecutionId) {
        return jdbc.queryForObject("""
                INSERT INTO import_batch (job_instance_id, job_execution_id, file_name, file_path, file_sha256, file_size,
                    file_kind, detected_encoding, delimiter, has_bom, has_header, status, warnings, physical_lines)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)
                ON CONFLICT (file_sha256) DO UPDATE SET job_instance_id = EXCLUDED.job_instance_id,
                    job_execution_id = EXCLUDED.job_execution_id, file_name = EXCLUDED.file_name,
                    file_path = EXCLUDED.file_path, file_kind = EXCLUDED.file_kind,
                    detected_encoding = EXCLUDED.detected_encoding, delimiter = EXCLUDED.delimiter,
                    has_bom = EXCLUDED.has_bom, has_header = EXCLUDED.has_header, status = 'PENDING',
                    rows_read = 0, rows_written = 0, rows_duplicate = 0, rows_rejected = 0,
                    physical_lines = EXCLUDED.physical_lines, header_lines = 0, record_lines = 0, blank_lines = 0,
                    warnings = EXCLUDED.warnings, message = NULL, started_at = NULL, finished_at = NULL
                RETURNING id""", Long.class,
                jobInstanceId, jobExecutionId, file.fileName(), file.path(), file.sha256(), file.size(), file.kind(),
                file.encoding(), file.delimiter(), file.hasBom(), file.hasHeader(), file.warnings().toArray(String[]::new),
                file.physicalLines());
    }

    /**
     * The batch of a file that changed while an earlier run imported it (same path, status CHANGED), taken over by its
     * new bytes: its rows carry this batch's id and their lines, so reading them again finds them as themselves, not
     * as duplicates. Empty when there is none.
     */
    public Optional<Long> reopenChanged(NewBatch file, long jobInstanceId, long jobExecutionId) {
        return jdbc.queryForList("""
                UPDATE import_batch SET job_instance_id = ?, job_execution_id = ?, file_name = ?, file_sha256 = ?,
                    file_size = ?, file_kind = ?, detected_encoding = ?, delimiter = ?, has_bom = ?, has_header = ?,
                    status = 'PENDING', rows_read = 0, rows_written = 0, rows_duplicate = 0, rows_rejected = 0,
                    physical_lines = ?, header_lines = 0, record_lines = 0, blank_lines = 0, warnings = ?, message = NULL,
                    started_at = NULL, finished_at = NULL
                WHERE id = (SELECT max(id) FROM import_batch WHERE file_path = ? AND status = 'CHANGED')
                RETURNING id""", Long.class,
                jobInstanceId, jobExecutionId, file.fileName(), file.sha256(), file.size(), file.kind(), file.encoding(),
                file.delimiter(), file.hasBom(), file.hasHeader(), file.physicalLines(), file.warnings().toArray(String[]::new),
                file.path()).stream().findFirst();
    }

    /**
     * The batch, line and file of the row holding a unique key, in any table the import writes (each has
     * import_batch_id and source_line). The names come from PostgreSQL's own error, checked as plain identifiers.
     */
    public Optional<Map<String, Object>> originOf(String table, List<String> columns, List<String> values) {
        String where = String.join(" AND ", columns.stream().map(c -> "t.\"" + c + "\"::text = ?").toList());
        return jdbc.queryForList("SELECT t.import_batch_id, t.source_line, b.file_name FROM \"" + table + "\" t "
                + "LEFT JOIN import_batch b ON b.id = t.import_batch_id WHERE " + where + " LIMIT 1", values.toArray())
                .stream().findFirst();
    }

    /** Records a file that cannot be imported at all, with its reason as a reject of its own. */
    public long refuse(NewBatch file, long jobInstanceId, long jobExecutionId, RejectCode code, int line, String message) {
        long id = jdbc.queryForObject("""
                INSERT INTO import_batch (job_instance_id, job_execution_id, file_name, file_path, file_sha256, file_size,
                    file_kind, detected_encoding, status, message, started_at, finished_at, physical_lines)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'REFUSED', ?, now(), now(), ?)
                ON CONFLICT (file_sha256) DO UPDATE SET job_instance_id = EXCLUDED.job_instance_id,
                    job_execution_id = EXCLUDED.job_execution_id, file_name = EXCLUDED.file_name,
                    file_path = EXCLUDED.file_path, status = 'REFUSED', message = EXCLUDED.message,
                    started_at = now(), finished_at = now()
                RETURNING id""", Long.class,
                jobInstanceId, jobExecutionId, file.fileName(), file.path(), file.sha256(), file.size(), file.kind(),
                file.encoding(), message, file.physicalLines());
        reject(id, line, null, "", null, code, message);
        return id;
    }

    public void start(long batchId, long jobExecutionId) {
        jdbc.update("""
                UPDATE import_batch SET status = 'IN_PROGRESS', job_execution_id = ?, started_at = coalesce(started_at, now())
                WHERE id = ?""", jobExecutionId, batchId);
    }

    public void count(long batchId, int written, int duplicates, int rejected) {
        count(batchId, written, duplicates, rejected, 0, 0, 0);
    }

    /** Rows and the physical lines they came from: the records' own lines, the header's and the blank ones. */
    public void count(long batchId, int written, int duplicates, int rejected, int recordLines, int headerLines, int blankLines) {
        jdbc.update("""
                UPDATE import_batch SET rows_written = rows_written + ?, rows_duplicate = rows_duplicate + ?,
                    rows_rejected = rows_rejected + ?, record_lines = record_lines + ?, header_lines = header_lines + ?,
                    blank_lines = blank_lines + ? WHERE id = ?""",
                written, duplicates, rejected, recordLines, headerLines, blankLines, batchId);
    }

    public int rejectedRows(long batchId) {
        return jdbc.queryForObject("SELECT rows_rejected FROM import_batch WHERE id = ?", Integer.class, batchId);
    }

    public void complete(long batchId, int rowsRead) {
        jdbc.update("UPDATE import_batch SET status = 'COMPLETED', rows_read = ?, finished_at = now() WHERE id = ?",
                rowsRead, batchId);
    }

    /** A file with a header and no data: its lines are the header's and blank ones. */
    public void completeEmpty(long batchId, int headerLines, int blankLines) {
        jdbc.update("""
                UPDATE import_batch SET status = 'COMPLETED', rows_read = 0, header_lines = ?, blank_lines = ?, finished_at = now()
                WHERE id = ?""", headerLines, blankLines, batchId);
    }

    /** The file changed while it was read: not imported; the next run takes the batch over with the new bytes. */
    public void changed(long batchId, int rowsRead, String message) {
        jdbc.update("UPDATE import_batch SET status = 'CHANGED', rows_read = ?, message = ?, finished_at = now() WHERE id = ?",
                rowsRead, message, batchId);
    }

    /** Rows read are the committed rows, so the counters of a failed file still add up. */
    public void fail(long batchId, String message) {
        jdbc.update("""
                UPDATE import_batch SET status = 'FAILED', message = ?, finished_at = now(),
                    rows_read = rows_written + rows_duplicate + rows_rejected
                WHERE id = ? AND status = 'IN_PROGRESS'""", message, batchId);
    }

    /** A warning about the file found while reading it, kept once. */
    public void warn(long batchId, String warning) {
        jdbc.update("""
                UPDATE import_batch SET warnings = array_append(warnings, ?)
                WHERE id = ? AND NOT (? = ANY (warnings))""", warning, batchId, warning);
    }

    /** A problem found on one row; recording the same problem twice (a replayed chunk) keeps one. */
    public void reject(long batchId, int line, String rawLine, String field, String rawValue, RejectCode code, String message) {
        jdbc.update("""
                INSERT INTO import_reject (import_batch_id, line_number, raw_line, field_name, raw_value, error_code, message)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (import_batch_id, line_number, error_code, field_name) DO NOTHING""",
                batchId, line, truncate(rawLine, MAX_RAW_LINE), field == null ? "" : field, truncate(rawValue, MAX_RAW_VALUE),
                code.name(), message);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
