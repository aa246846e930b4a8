package ca.ptm.nocturne.gazelle.source;

import ca.ptm.nocturne.gazelle.mapping.GazelleTime;
import java.time.Instant;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * A timeline entry outside the slice that asked for it (before its occurredAtGet, or of a type the slice did not ask
 * for) means Gazelle ignored a filter of the slice: reading on would read the same entries in several slices. The step
 * stops with what to do instead, never writes on silently.
 */
final class SliceBoundsCheck implements Consumer<JsonNode> {

    private final TimelineSlice slice;

    SliceBoundsCheck(TimelineSlice slice) {
        this.slice = slice;
    }

    @Override
    public void accept(JsonNode node) {
        JsonNode occurredAt = node.path("occurredAt");
        if (!occurredAt.isString()) {
            return;   // the mapper names a missing date itself
        }
        Instant when;
        try {
            when = GazelleTime.parseApi(occurredAt.asString());
        } catch (java.time.format.DateTimeParseException unreadable) {
            return;   // the mapper names an unreadable date itself
        }
        String type = node.path("type").asString(null);
        if (when != null && !slice.contains(when, type)) {
            throw new IllegalStateException("Gazelle a renvoyé l'entrée " + node.path("id").asString("?") + " (" + type
                    + ", du " + when + ") pour la tranche " + slice.name() + " (" + describe() + ") : un filtre semble "
                    + "ignoré. Relancez avec nocturne.gazelle.timeline-partitioning=none pour lire l'historique d'un seul tenant.");
        }
    }

    private String describe() {
        return "depuis " + (slice.from() == null ? "le début" : slice.from().toString())
                + (slice.types() == null ? ", tous types" : ", types " + String.join(", ", slice.types()));
    }
}
