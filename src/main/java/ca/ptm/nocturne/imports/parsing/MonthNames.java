package ca.ptm.nocturne.imports.parsing;

import java.time.Month;
import java.util.HashMap;
import java.util.Map;

/** French and English month names and abbreviations, as typed in the legacy spreadsheets. */
final class MonthNames {

    /** Folded spellings (no accents, no trailing dot), indexed by month - 1. */
    private static final String[][] SPELLINGS = {
        {"janvier", "janv", "jan", "january"},
        {"fevrier", "fevr", "fev", "february", "feb"},
        {"mars", "mar", "march"},
        {"avril", "avr", "april", "apr"},
        {"mai", "may"},
        {"juin", "june", "jun"},
        {"juillet", "juil", "july", "jul"},
        {"aout", "august", "aug"},
        {"septembre", "sept", "sep", "september"},
        {"octobre", "oct", "october"},
        {"novembre", "nov", "november"},
        {"decembre", "dec", "december"},
    };

    private static final String[] FRENCH = {
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    };

    private static final Map<String, Month> BY_SPELLING = new HashMap<>();

    static {
        for (int i = 0; i < SPELLINGS.length; i++) {
            for (String spelling : SPELLINGS[i]) {
                BY_SPELLING.put(spelling, Month.of(i + 1));
            }
        }
    }

    private MonthNames() {
    }

    /** The month for a folded word ("dec", "fevrier"), or null when it is not a month. */
    static Month lookup(String foldedWord) {
        return BY_SPELLING.get(foldedWord);
    }

    static String french(Month month) {
        return FRENCH[month.ordinal()];
    }
}
