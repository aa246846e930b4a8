package ca.ptm.nocturne.imports.reading;

import ca.ptm.nocturne.imports.parsing.RejectCode;
import java.util.List;

/**
 * One record of a delimited file: usually one line, several when a quoted field holds line breaks.
 *
 * @param firstLine 1-based physical line where the record starts (the line number shown to people)
 * @param text      the record as it stands in the file, for the reject table
 * @param cells     its fields; empty when {@code problem} is set
 * @param problem   why the record could not be split into fields (unbalanced quotes, a line too long), or null
 * @param lastLine  1-based physical line where the record ends: the lines it consumed are firstLine..lastLine
 */
public record LogicalRecord(int firstLine, String text, List<String> cells, RejectCode problem, String problemMessage,
                            int lastLine) {

    public boolean isReadable() {
        return problem == null;
    }

    /** Physical lines this record consumed (1 for an ordinary row). */
    public int lineCount() {
        return lastLine - firstLine + 1;
    }
}
