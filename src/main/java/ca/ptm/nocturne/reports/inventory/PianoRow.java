package ca.ptm.nocturne.reports.inventory;

import java.time.LocalDate;

/**
 * One institutional piano as the inventory shows it: Gazelle's data with the inventory file's overlay (local,
 * priority, to-do) laid over it.
 *
 * @param daysOverdue days since the next service was due, null when not due (or inactive: nobody services those)
 */
public record PianoRow(String institution, String local, String make, String model, String serial, String type,
                       Integer year, boolean active, String status, boolean pls, LocalDate lastService,
                       LocalDate nextService, Integer intervalMonths, Long daysOverdue, String todo, String priority) {

    public PianoRow(String institution, String local, String make, String model, String serial, String type,
                    Integer year, boolean active, String status, boolean pls, LocalDate lastService,
                    LocalDate nextService, Integer intervalMonths, Long daysOverdue, String todo) {
        this(institution, local, make, model, serial, type, year, active, status, pls, lastService, nextService,
                intervalMonths, daysOverdue, todo, null);
    }

    public boolean overdue() {
        return daysOverdue != null && daysOverdue > 0;
    }
}
