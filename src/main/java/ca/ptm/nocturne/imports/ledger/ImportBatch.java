package ca.ptm.nocturne.imports.ledger;

import java.sql.Array;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;

/** One row of {@code import_batch}. */
public record ImportBatch(long id, Long jobInstanceId, Long jobExecutionId, String fileName, String fileSha256,
                          String fileKind, String encoding, String delimiter, String status, int rowsRead,
                          int rowsWritten, int rowsDuplicate, int rowsRejected, List<String> warnings, String message,
                          OffsetDateTime startedAt, OffsetDateTime finishedAt, Integer physicalLines, int headerLines,
                          int recordLines, int blankLines) {

    static final RowMapper<ImportBatch> ROW_MAPPER = (rs, n) -> new ImportBatch(
            rs.getLong("id"), rs.getObject("job_instance_id", Long.class), rs.getObject("job_execution_id", Long.class),
            rs.getString("file_name"), rs.getString("file_sha256"), rs.getString("file_kind"),
            rs.getString("detected_encoding"), rs.getString("delimiter"), rs.getString("status"),
            rs.getInt("rows_read"), rs.getInt("rows_written"), rs.getInt("rows_duplicate"), rs.getInt("rows_rejected"),
            strings(rs.getArray("warnings")), rs.getString("message"),
            rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class),
            rs.getObject("physical_lines", Integer.class), rs.getInt("header_lines"), rs.getInt("record_lines"),
            rs.getInt("blank_lines"));

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** Rows read that are neither written, rejected nor duplicates: must be zero. */
    public int unaccounted() {
        return rowsRead - rowsWritten - rowsDuplicate - rowsRejected;
    }

    /** Physical lines that are neither header, part of a record read nor blank: must be zero (null: not counted). */
    public Integer unaccountedLines() {
        return physicalLines == null ? null : physicalLines - headerLines - recordLines - blankLines;
    }
}
