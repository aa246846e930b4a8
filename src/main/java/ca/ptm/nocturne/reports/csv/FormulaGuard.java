package ca.ptm.nocturne.reports.csv;

/**
 * Defuses CSV formula injection: a spreadsheet runs a cell that starts with =, +, -, @ (or a tab or carriage return
 * that it strips first) as a formula, so "=HYPERLINK(...)" typed into a Gazelle note would become a live link.
 * Prefixing an apostrophe makes it text (OWASP "CSV Injection").
 */
public final class FormulaGuard {

    private FormulaGuard() {
    }

    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell == null ? "" : cell;
        }
        char first = cell.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return risky ? "'" + cell : cell;
    }
}
