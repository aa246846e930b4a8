package ca.ptm.nocturne.reports.inventory;

import java.time.LocalDate;

/**
 * One institutional piano as the inventory shows it: Gazelle's data with the hand-kept overlay (local, to-do)
 * laid over it.
 *
 * @param daysOverdue days since the next service was due, null when not due (or inactive: nobody services those)
 */
public record PianoRow(String institution, String local, String make, String model, String serial, String type,
                       Integer year, boolean active, String status, boolean pls, LocalDate lastService,
                       LocalDate nextService, Integer intervalMonths, Long daysOverdue, String todo) {

    public boolean overdue() {
        return daysOverdue != null && daysOverdue > 0;
    }
}
