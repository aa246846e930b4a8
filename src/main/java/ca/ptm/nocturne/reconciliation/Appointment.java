package ca.ptm.nocturne.reconciliation;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;

/**
 * A Gazelle appointment as the reconciliation sees it; date and time are Montreal local.
 *
 * @param technician the Gazelle user id ({@code usr_}) of the assigned technician, placeholder included
 */
public record Appointment(String externalId, String clientId, String title, String description, String location, String notes,
                          LocalDate date, LocalTime time, String status, String technician, String eventType) {

    public boolean cancelled() {
        return "CANCELLED".equals(upper(status));
    }

    /** Gazelle says COMPLETE; COMPLETED is accepted too. */
    public boolean completed() {
        String s = upper(status);
        return "COMPLETE".equals(s) || "COMPLETED".equals(s);
    }

    /** Personal blocks and other non-appointment events are never PdA jobs. */
    public boolean isAppointment() {
        return eventType == null || "APPOINTMENT".equals(upper(eventType));
    }

    public String label() {
        return externalId + " « " + (title == null ? "" : title) + " » du " + date + (time == null ? "" : " " + time);
    }

    private static String upper(String s) {
        return s == null ? null : s.strip().toUpperCase(Locale.ROOT);
    }
}
