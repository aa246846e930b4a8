package ca.ptm.nocturne.imports.venue;

import ca.ptm.nocturne.imports.conversion.RowConverter;
import ca.ptm.nocturne.imports.conversion.RowRejectedException;
import ca.ptm.nocturne.imports.conversion.TypedRow;
import ca.ptm.nocturne.imports.parsing.LegacyDate;
import ca.ptm.nocturne.imports.parsing.RejectCode;
import ca.ptm.nocturne.imports.parsing.TextNormalizer;
import ca.ptm.nocturne.reference.InstitutionDirectory;
import ca.ptm.nocturne.reference.InstitutionDirectory.Institution;
import ca.ptm.nocturne.reference.RoomDirectory;
import java.util.Locale;
import java.util.Map;

/**
 * An inventory line: the piano is known by its serial when there is one (upper case, no spaces: "j0000001" and
 * "J000 0001" are one piano), otherwise by its room and description. Type letters D and Q are upright and grand.
 */
public class VenuePianoConverter implements RowConverter<VenuePiano> {

    private static final Map<String, String> TYPES = Map.of(
            "d", "UPRIGHT", "droit", "UPRIGHT", "upright", "UPRIGHT",
            "q", "GRAND", "queue", "GRAND", "grand", "GRAND",
            "electrique", "DIGITAL", "numerique", "DIGITAL", "digital", "DIGITAL");

    private final InstitutionDirectory institutions;
    private final RoomDirectory rooms;

    public VenuePianoConverter(InstitutionDirectory institutions, RoomDirectory rooms) {
        this.institutions = institutions;
        this.rooms = rooms;
    }

    @Override
    public VenuePiano convert(TypedRow row) throws RowRejectedException {
        Institution institution = institution(row);
        String local = row.text("local");
        String roomCode = null;
        if (local == null) {
            row.warn("MISSING_ROOM", "Local inconnu");
        } else if (institution.slug().equals("place-des-arts")) {
            roomCode = rooms.resolve(local).orElse(null);
            if (roomCode == null) {
                row.warn("UNKNOWN_ROOM", "Salle inconnue : « " + local + " » (texte conservé)");
            }
        }
        String serial = row.text("serial");
        String normalized = serial == null ? null : serial.toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
        String type = null;
        if (row.text("type") != null) {
            type = TYPES.get(TextNormalizer.fold(row.text("type")));
            if (type == null) {
                row.warn("UNKNOWN_TYPE", "Type de piano inconnu : « " + row.text("type") + " »");
            }
        }
        String key = normalized != null ? "serial:" + normalized
                : "piano:" + TextNormalizer.fold(local == null ? "?" : local) + "|" + TextNormalizer.fold(row.text("piano"));
        LegacyDate lastTuned = row.date("last_tuned");
        if (lastTuned != null && !lastTuned.hasYear()) {
            throw row.reject("last_tuned", RejectCode.AMBIGUOUS_YEAR, "Dernier accord sans année : « " + row.text("last_tuned") + " »");
        }
        return new VenuePiano(institution.id(), key, roomCode, local, row.text("piano"), serial, normalized, type,
                row.text("priority"), row.text("todo"), lastTuned == null ? null : lastTuned.date());
    }

    private Institution institution(TypedRow row) throws RowRejectedException {
        String named = row.text("institution");
        if (named != null) {
            return institutions.resolve(named).orElseThrow(() -> row.reject("institution", RejectCode.UNKNOWN_INSTITUTION,
                    "Institution inconnue : « " + named + " »"));
        }
        return institutions.bySlug(row.file().institutionSlug()).orElseThrow(() -> row.reject("institution",
                RejectCode.UNKNOWN_INSTITUTION, "Institution inconnue : « " + row.file().institutionSlug() + " »"));
    }
}
