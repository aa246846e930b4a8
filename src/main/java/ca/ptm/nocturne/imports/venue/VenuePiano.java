package ca.ptm.nocturne.imports.venue;

import java.time.LocalDate;

/** One line of an institution's piano inventory. */
public record VenuePiano(long institutionId, String naturalKey, String roomCode, String localText, String pianoText,
                         String serialRaw, String serialNormalized, String pianoType, String priority, String todo,
                         LocalDate lastTunedOn) {
}
