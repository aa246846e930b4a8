package ca.ptm.nocturne.imports.pda;

import ca.ptm.nocturne.imports.conversion.RowConverter;
import ca.ptm.nocturne.imports.conversion.RowRejectedException;
import ca.ptm.nocturne.imports.conversion.TypedRow;
import ca.ptm.nocturne.imports.parsing.FileDateContext;
import ca.ptm.nocturne.imports.parsing.RejectCode;
import ca.ptm.nocturne.imports.parsing.ValueParseException;
import ca.ptm.nocturne.imports.parsing.YearResolver;
import ca.ptm.nocturne.imports.parsing.YearResolver.ResolvedDates;
import ca.ptm.nocturne.reference.RoomDirectory;
import ca.ptm.nocturne.reference.TechnicianDirectory;
import ca.ptm.nocturne.reference.TechnicianDirectory.Technician;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.Optional;

/**
 * The rules of DOMAIN.md for a Place des Arts request: yearless dates get their year from the row, then the file,
 * then {@code --year}, never from today; a blank fee is 175.00 and an unreadable one a reject; halls and
 * technicians go through their alias tables, the raw text kept; anything doubtful is written with a warning.
 */
public class PdaRequestConverter implements RowConverter<PdaRequest> {

    static final BigDecimal STANDARD_FEE = new BigDecimal("175.00");

    private final RoomDirectory rooms;
    private final TechnicianDirectory technicians;
    private final BigDecimal highAmountWarning;

    public PdaRequestConverter(RoomDirectory rooms, TechnicianDirectory technicians, BigDecimal highAmountWarning) {
        this.rooms = rooms;
        this.technicians = technicians;
        this.highAmountWarning = highAmountWarning;
    }

    @Override
    public PdaRequest convert(TypedRow row) throws RowRejectedException {
        ResolvedDates dates = dates(row);
        if (dates.requestDate() != null && dates.requestDate().isAfter(dates.appointmentDate())) {
            row.warn("REQUEST_AFTER_APPOINTMENT", "Date de la demande (" + dates.requestDate() + ") après la date du RDV ("
                    + dates.appointmentDate() + ")");
        }
        PdaStatus status = PdaStatus.fromLegacy(row.text("status"))
                .orElseThrow(() -> row.reject("status", RejectCode.BAD_STATUS, "Statut inconnu : « " + row.text("status")
                        + " » (attendu : PENDING, CREATED_IN_GAZELLE, ASSIGN_OK, COMPLETED ou BILLED)"));
        BigDecimal fee = amount(row, "billing_amount", STANDARD_FEE);
        if (fee.compareTo(highAmountWarning) > 0) {
            row.warn("HIGH_AMOUNT", "Facturation inhabituelle pour une demande : " + fee + " $");
        }
        BigDecimal parking = amount(row, "parking", null);

        String roomText = row.text("room");
        String roomOriginal = row.text("room_original") != null ? row.text("room_original") : roomText;
        String roomCode = room(row, roomText, roomOriginal);

        String technicianText = row.text("technician");
        Optional<Technician> technician = Optional.empty();
        if (technicianText != null) {
            technician = technicians.resolve(technicianText);
            if (technician.isEmpty()) {
                row.warn("UNKNOWN_TECHNICIAN", "Technicien inconnu : « " + technicianText + " » (ajoutez un alias dans technician_alias)");
            }
        }
        String requester = row.text("requester");
        if (requester != null && requester.length() > 4) {
            row.warn("BAD_REQUESTER", "Demandeur trop long pour des initiales : « " + requester + " »");
            requester = null;
        }
        if (row.integer("diapason") == null && row.text("diapason") == null) {
            row.warn("MISSING_PITCH", "Diapason non précisé");
        }
        if (row.text("piano") == null) {
            row.warn("MISSING_PIANO", "Piano non précisé");
        }
        LocalTime time = row.time("time");
        String appointmentId = row.text("appointment_id");
        String businessKey = PdaBusinessKey.of(dates.appointmentDate(), roomCode != null ? roomCode : roomOriginal,
                row.text("for_who"), time, row.text("piano"));
        return new PdaRequest(PdaBusinessKey.legacyId(businessKey), businessKey, row.file().requestSource(),
                dates.requestDate(), dates.appointmentDate(), row.text("time"), time, roomCode, roomOriginal,
                row.text("for_who"), row.integer("diapason"), requester, row.text("piano"),
                technician.map(Technician::id).orElse(null), technicianText,
                technician.map(Technician::gazelleUserId).orElse(null),
                appointmentId != null && appointmentId.startsWith("evt_") ? appointmentId : null,
                status, fee, parking, row.instant("billed_at"), row.text("billed_by"), row.text("notes"), row.text("legacy_id"));
    }

    private static ResolvedDates dates(TypedRow row) throws RowRejectedException {
        FileDateContext context = row.file().minFullDate() == null ? FileDateContext.empty()
                : new FileDateContext(row.file().minFullDate(), row.file().maxFullDate());
        try {
            return YearResolver.resolve(row.date("request_date"), row.date("appointment_date"), context, row.seasonYear());
        } catch (ValueParseException e) {
            String field = row.date("appointment_date").hasYear() ? "request_date" : "appointment_date";
            throw new RowRejectedException(field, row.text(field), e.rejectCode(), e.getMessage());
        }
    }

    private static BigDecimal amount(TypedRow row, String column, BigDecimal whenBlank) throws RowRejectedException {
        BigDecimal amount = row.decimal(column);
        if (amount == null) {
            return whenBlank;
        }
        if (amount.signum() < 0) {
            throw row.reject(column, RejectCode.BAD_AMOUNT, "Montant négatif : « " + row.text(column) + " »");
        }
        return amount;
    }

    private String room(TypedRow row, String roomText, String roomOriginal) {
        if (roomText == null && roomOriginal == null) {
            row.warn("MISSING_ROOM", "Salle non précisée (à confirmer)");
            return null;
        }
        Optional<String> code = rooms.resolve(roomText != null ? roomText : roomOriginal);
        if (code.isEmpty()) {
            row.warn("UNKNOWN_ROOM", "Salle inconnue : « " + roomOriginal + " » (texte conservé)");
        }
        return code.orElse(null);
    }
}
