package ca.ptm.nocturne.gazelle.mapping;

import ca.ptm.nocturne.gazelle.sync.SyncRecord;
import ca.ptm.nocturne.gazelle.mapping.MeasurementExtractor.Measurements;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The metadata jsonb of a timeline entry: where the row came from and the readings found in its text, so that a
 * measurement can always be traced back to its source.
 */
public final class TimelineMetadata {

    public static final String ORIGIN_API = "api";
    public static final String ORIGIN_CSV = "csv";

    private static final JsonMapper JSON = JsonMapper.shared();

    private TimelineMetadata() {
    }

    /**
     * @param extra more text properties (e.g. "createdBy"); null values are left out
     * @return {"origin": ..., extra..., "temperatureC": 21, "humidityPct": 36, "pitchHz": 442} with only the readings
     *     found
     */
    public static SyncRecord.JsonText of(String origin, Map<String, String> extra, Measurements measurements) {
        ObjectNode node = JSON.createObjectNode();
        node.put("origin", origin);
        extra.forEach((key, value) -> {
            if (value != null) {
                node.put(key, value);
            }
        });
        if (measurements.temperatureC() != null) {
            node.put("temperatureC", measurements.temperatureC());
        }
        if (measurements.humidityPct() != null) {
            node.put("humidityPct", measurements.humidityPct());
        }
        if (measurements.pitchHz() != null) {
            node.put("pitchHz", measurements.pitchHz());
        }
        return new SyncRecord.JsonText(JSON.writeValueAsString(node));
    }
}
