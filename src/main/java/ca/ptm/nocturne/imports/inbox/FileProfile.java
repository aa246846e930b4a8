package ca.ptm.nocturne.imports.inbox;

import ca.ptm.nocturne.imports.mapping.FileKind;
import ca.ptm.nocturne.imports.parsing.EncodingDetector.DetectedEncoding;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What reading a file told about it; {@code dataRows} counts the records below the header, {@code headerLines} the
 * physical lines of the records above them, {@code blankLines} the blank lines skipped.
 */
record FileProfile(FileKind kind, DetectedEncoding encoding, char delimiter, boolean hasHeader,
                   Map<String, Integer> columnIndex, int cellCount, int firstDataLine,
                   LocalDate minFullDate, LocalDate maxFullDate, int dataRows, List<String> warnings,
                   List<Integer> dateColumns, int headerLines, int blankLines) {
}
