package ca.ptm.nocturne.imports.pda;

import ca.ptm.nocturne.imports.parsing.TextNormalizer;
import ca.ptm.nocturne.shared.Sha256;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One request = (appointment date, hall, for whom, canonical time, piano), texts folded: "TM" at "14h30" and
 * "Théâtre Maisonneuve" at "2:30pm" are the same request. The legacy id is derived from this key, never from a
 * row number, so the same request read from two files gets the same id.
 */
public final class PdaBusinessKey {

    private PdaBusinessKey() {
    }

    public static String of(LocalDate appointmentDate, String room, String forWho, LocalTime time, String piano) {
        return String.join("|", appointmentDate.toString(), fold(room), fold(forWho),
                time == null ? "" : time.toString(), fold(piano));
    }

    public static String legacyId(String businessKey) {
        return "pda_lgc_" + Sha256.hex(businessKey).substring(0, 16);
    }

    private static String fold(String text) {
        String folded = TextNormalizer.fold(text);
        return folded == null ? "" : folded;
    }
}
