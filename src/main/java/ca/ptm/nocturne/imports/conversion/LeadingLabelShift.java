package ca.ptm.nocturne.imports.conversion;

import ca.ptm.nocturne.imports.parsing.LegacyDateParser;
import ca.ptm.nocturne.imports.parsing.ValueParseException;
import java.util.List;

/**
 * The shift of spreadsheet pastes: a row whose first cell is not a date while its next two are has the hall's full
 * name pasted in front of it, and is read from its second cell.
 */
public final class LeadingLabelShift {

    private LeadingLabelShift() {
    }

    public static boolean applies(List<String> cells) {
        return cells.size() > 2 && !isDate(cells.get(0)) && isDate(cells.get(1)) && isDate(cells.get(2));
    }

    public static boolean isDate(String text) {
        try {
            return LegacyDateParser.parse(text) != null;
        } catch (ValueParseException e) {
            return false;
        }
    }
}
