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
 */
public record LogicalRecord(int firstLine, String text, List<String> cells, RejectCode problem, String problemMessage) {

    public boolean isReadable() {
        return problem == null;
    }
}
