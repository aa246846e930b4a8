package ca.ptm.nocturne.reconciliation;

import java.util.Set;

/**
 * The Gazelle clients whose appointments are Place des Arts jobs: PdA itself and the resident orchestra.
 *
 * @param clientIds their {@code cli_} ids
 */
public record PdaClients(Set<String> clientIds) {

    static final String PLACE_DES_ARTS = " place des arts ";

    public PdaClients {
        clientIds = Set.copyOf(clientIds);
    }

    /** A PdA client, or "Place des Arts" in the title: a candidate for matching, and +10 in the score. */
    public boolean looksLikePda(Appointment appointment) {
        return clientIds.contains(appointment.clientId()) || Words.of(appointment.title()).contains(PLACE_DES_ARTS);
    }
}
