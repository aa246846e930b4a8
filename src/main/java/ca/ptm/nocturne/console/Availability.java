package ca.ptm.nocturne.console;

/** Whether an action may be asked now; when not, the reason shown next to the disabled button. */
public record Availability(ConsoleAction action, boolean allowed, String reason) {

    static Availability yes(ConsoleAction action) {
        return new Availability(action, true, null);
    }

    static Availability no(ConsoleAction action, String reason) {
        return new Availability(action, false, reason);
    }
}
