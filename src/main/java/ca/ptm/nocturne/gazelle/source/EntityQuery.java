package ca.ptm.nocturne.gazelle.source;

import ca.ptm.nocturne.gazelle.sync.GazelleEntity;
import ca.ptm.nocturne.gazelle.sync.SyncRecord;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * One GraphQL query of Gazelle that reads an entity: the root field it reads ({@code allClients}), its text (with
 * $first and $after when the field is a connection, plus the window variables it declares), how a node becomes a
 * record, and the nested connections of a node that must be read to their end.
 *
 * @param paged false for a plain list (allUsers): one request, no first/after, no pageInfo
 */
public record EntityQuery(GazelleEntity entity, String connection, String text, Function<JsonNode, SyncRecord> mapper,
                          List<NestedConnection> nested, boolean paged) {

    public EntityQuery(GazelleEntity entity, String connection, String text, Function<JsonNode, SyncRecord> mapper) {
        this(entity, connection, text, mapper, List.of(), true);
    }

    public EntityQuery(GazelleEntity entity, String connection, String text, Function<JsonNode, SyncRecord> mapper,
                       List<NestedConnection> nested) {
        this(entity, connection, text, mapper, nested, true);
    }

    /** A root field that is a plain list, read in one request. */
    public static EntityQuery list(GazelleEntity entity, String field, String text, Function<JsonNode, SyncRecord> mapper) {
        return new EntityQuery(entity, field, text, mapper, List.of(), false);
    }
}
