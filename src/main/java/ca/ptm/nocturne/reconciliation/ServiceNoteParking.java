package ca.ptm.nocturne.reconciliation;

import ca.ptm.nocturne.reconciliation.GazelleView.ServiceNote;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The parking of a visit, from the service notes of the appointment's piano(s) that day: only the notes of the
 * assigned technician, each note counted once (the first amount it gives), and one entry per content signature so a
 * note imported from the CSV export (tle_) and read from the API (tme_) is not counted twice.
 *
 * @param amount the sum over the notes that give an amount
 * @param notes  the ids of those notes
 */
public record ServiceNoteParking(BigDecimal amount, List<String> notes) {

    public ServiceNoteParking {
        notes = List.copyOf(notes);
    }

    /** @param notes API entries first, so the tme_ copy of a note is the one kept */
    public static Optional<ServiceNoteParking> from(List<ServiceNote> notes, Predicate<ServiceNote> byAssignedTechnician) {
        Set<String> seen = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        List<String> counted = new ArrayList<>();
        for (ServiceNote note : notes) {
            if (!byAssignedTechnician.test(note) || !seen.add(note.signature() != null ? note.signature() : note.externalId())) {
                continue;
            }
            Optional<BigDecimal> amount = ParkingParser.parse(note.text());
            if (amount.isPresent()) {
                total = total.add(amount.get());
                counted.add(note.externalId());
            }
        }
        return counted.isEmpty() ? Optional.empty() : Optional.of(new ServiceNoteParking(total, counted));
    }
}
