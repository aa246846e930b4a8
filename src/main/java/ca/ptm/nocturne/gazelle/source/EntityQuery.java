package ca.ptm.nocturne.gazelle.source;

import ca.ptm.nocturne.gazelle.sync.GazelleEntity;
import ca.ptm.nocturne.gazelle.sync.SyncRecord;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * One paged GraphQL query of Gazelle: the connection it reads ({@code allClients}), its text (with $first and
 * $after, plus the window variables it declares) and how a node becomes a record.
 */
public record EntityQuery(GazelleEntity entity, String connection, String text, Function<JsonNode, SyncRecord> mapper) {
}
