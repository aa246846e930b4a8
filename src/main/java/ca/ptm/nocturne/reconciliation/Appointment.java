package ca.ptm.nocturne.reconciliation;

import ca.ptm.nocturne.gazelle.EventStatus;
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

    /** Gazelle's status of the appointment, whatever spelling the row holds. */
    public EventStatus eventStatus() {
        return EventStatus.of(status);
    }

    public boolean cancelled() {
        return eventStatus() == EventStatus.CANCELED;
    }

    /** The client was not there: the appointment did not happen, and it is not a candidate for a request either. */
    public boolean noShow() {
        return eventStatus() == EventStatus.NO_SHOW;
    }

    /** A booking that still stands or took place: neither cancelled nor a no-show. */
    public boolean standing() {
        return !cancelled() && !noShow();
    }

    public boolean completed() {
        return eventStatus() == EventStatus.COMPLETE;
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
