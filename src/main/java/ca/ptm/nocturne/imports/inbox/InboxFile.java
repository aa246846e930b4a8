package ca.ptm.nocturne.imports.inbox;

import ca.ptm.nocturne.imports.mapping.FileKind;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A recognised legacy file waiting in the inbox, as the scan step found it. Kept in the job's execution context
 * so a restart reads exactly the files, and the same bytes, that the first attempt planned to import.
 *
 * @param columnIndex      logical column name to its 0-based position in a row
 * @param cellCount        cells of the header (or of the headerless layout): a row with more filled cells is shifted
 *                         or broken
 * @param firstDataLine    1-based line where data starts (after the header)
 * @param minFullDate      earliest full date in the file's date columns, the year source of yearless dates
 * @param institutionSlug  institution named by the file (piano inventories)
 * @param dateColumns      0-based positions of the date columns: a complete row has a date there
 * @param lastModified     modification time (epoch milliseconds) when the scan read it; with {@code size}, how a
 *                         file still being written is caught at the end of its import
 */
public record InboxFile(String fileName, String path, String sha256, long size, FileKind kind, long batchId,
                        String encoding, boolean hasBom, char delimiter, boolean hasHeader,
                        Map<String, Integer> columnIndex, int cellCount, int firstDataLine,
                        LocalDate minFullDate, LocalDate maxFullDate, String institutionSlug,
                        List<Integer> dateColumns, long lastModified) implements Serializable {

    public InboxFile {
        columnIndex = Map.copyOf(columnIndex);
        // null in a manifest serialised before this component existed (an execution of an earlier version)
        dateColumns = dateColumns == null ? List.of() : List.copyOf(dateColumns);
    }

    /** The pda_request source a row of this file gets: a TAB file is a spreadsheet paste. */
    public String requestSource() {
        return delimiter == '\t' ? "tab_paste" : "legacy_csv";
    }

    public String delimiterName() {
        return switch (delimiter) {
            case '\t' -> "TAB";
            case ';' -> "point-virgule";
            default -> "virgule";
        };
    }
}
