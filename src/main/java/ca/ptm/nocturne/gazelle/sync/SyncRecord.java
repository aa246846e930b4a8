package ca.ptm.nocturne.gazelle.sync;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One Gazelle record as the columns of its table. A column that the source did not fetch is ABSENT from the map and
 * is never written; a column present with a null value was fetched and is empty (protected columns keep their value
 * when the incoming one is empty). Values are String, Boolean, Integer, Long, BigDecimal (money already in dollars),
 * LocalDate, LocalTime, Instant (timestamptz, UTC), List&lt;String&gt; (text[]) or {@link JsonText} (jsonb).
 *
 * @param updatedAt Gazelle's updatedAt (null when the source does not give it)
 * @param children  records written with this one, after it: a client's default contact, an appointment's pianos,
 *                  an invoice's items
 */
public record SyncRecord(GazelleEntity entity, String externalId, Instant updatedAt, Map<String, Object> columns,
                         List<SyncRecord> children) {

    public SyncRecord {
        columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
        children = List.copyOf(children);
    }

    public SyncRecord(GazelleEntity entity, String externalId, Instant updatedAt, Map<String, Object> columns) {
        this(entity, externalId, updatedAt, columns, List.of());
    }

    /** A jsonb value, already serialised. */
    public record JsonText(String json) {
    }
}
