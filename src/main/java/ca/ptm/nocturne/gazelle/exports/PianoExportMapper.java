package ca.ptm.nocturne.gazelle.exports;

import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.CLIENT_ID;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.DAMPP_CHASER_INSTALLED;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.LAST_TUNED;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.LOCATION;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.MAKE;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.MODEL;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.PIANO_ID;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.PIANO_STATUS;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.SERIAL_NUMBER;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.TAGS;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.TUNING_INTERVAL;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.TYPE;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.YEAR;

import ca.ptm.nocturne.gazelle.mapping.PianoSerials;
import ca.ptm.nocturne.gazelle.sync.GazelleEntity;
import ca.ptm.nocturne.gazelle.sync.SyncRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A row of the Gazelle piano export, brought to the API's spelling ("grand" → GRAND). The make keeps its annotation
 * ("Yamaha (arch)"): it is what the staff wrote and the only trace of it. A false PLS flag is mapped as false; the
 * writer keeps a true one already in the table.
 */
public final class PianoExportMapper implements ExportRowMapper {

    @Override
    public ExportRowResult map(ExportRow row) {
        ExportCells cells = new ExportCells(row);
        try {
            String id = cells.requiredId(PIANO_ID, "ins_");
            Map<String, Object> columns = new LinkedHashMap<>();
            cells.putText(columns, "client_external_id", CLIENT_ID);
            if (cells.has(TYPE)) {
                String type = cells.text(TYPE);
                columns.put("type", type == null ? null : type.toUpperCase(Locale.ROOT));
            }
            cells.putText(columns, "make", MAKE);
            cells.putText(columns, "model", MODEL);
            if (cells.has(SERIAL_NUMBER)) {
                columns.put("serial_number", cells.text(SERIAL_NUMBER));
                columns.put("serial_normalized", PianoSerials.normalize(cells.text(SERIAL_NUMBER)));
            }
            cells.putText(columns, "location", LOCATION); // cells are trimmed: "EM 402 " → "EM 402"
            if (cells.has(YEAR)) {
                columns.put("year", cells.integer(YEAR));
            }
            cells.putText(columns, "status", PIANO_STATUS);
            if (cells.has(TUNING_INTERVAL)) {
                columns.put("service_interval_months", cells.integer(TUNING_INTERVAL));
            }
            if (cells.has(LAST_TUNED)) {
                columns.put("last_service_on", cells.date(LAST_TUNED));
            }
            if (cells.has(DAMPP_CHASER_INSTALLED)) {
                columns.put("dampp_chaser_installed", cells.bool(DAMPP_CHASER_INSTALLED));
            }
            if (cells.has(TAGS)) {
                columns.put("tags", tags(cells.raw(TAGS)));
            }
            return new ExportRowResult.Mapped(new SyncRecord(GazelleEntity.PIANO, id, null, columns));
        } catch (BadCellException e) {
            return e.invalid();
        }
    }

    /** "École, Priorité 1" → [École, Priorité 1]; an empty cell is an empty list, as the API gives []. */
    private static List<String> tags(String cell) {
        List<String> tags = new ArrayList<>();
        for (String tag : cell.split(",")) {
            if (!tag.isBlank()) {
                tags.add(tag.strip());
            }
        }
        return List.copyOf(tags);
    }
}
