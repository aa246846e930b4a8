package ca.ptm.nocturne.gazelle.exports;

import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.CLIENT_ID;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.CLIENT_TYPE;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.COMPANY_NAME;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.CONTACT_CITY;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.CONTACT_EMAIL;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.CONTACT_FIRST_NAME;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.CONTACT_LAST_NAME;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.CONTACT_PHONE;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.CONTACT_POSTAL_CODE;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.CREATED;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.LOCALE;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.STATUS;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.UPDATED;

import ca.ptm.nocturne.gazelle.mapping.ClientNames;
import ca.ptm.nocturne.gazelle.sync.GazelleEntity;
import ca.ptm.nocturne.gazelle.sync.SyncRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A row of the Gazelle client export. Tags are never mapped: the export's tags must not replace the hand-set ones
 * (the "institutional" tag makes the inventories visible). No contact child either, as the export has no contact id.
 */
public final class ClientExportMapper implements ExportRowMapper {

    @Override
    public ExportRowResult map(ExportRow row) {
        ExportCells cells = new ExportCells(row);
        try {
            String id = cells.requiredId(CLIENT_ID, "cli_");
            Map<String, Object> columns = new LinkedHashMap<>();
            if (cells.has(COMPANY_NAME)) {
                columns.put("company_name", ClientNames.companyName(cells.text(COMPANY_NAME),
                        cells.text(CONTACT_FIRST_NAME), cells.text(CONTACT_LAST_NAME)));
            }
            cells.putText(columns, "first_name", CONTACT_FIRST_NAME);
            cells.putText(columns, "last_name", CONTACT_LAST_NAME);
            cells.putText(columns, "status", STATUS);
            cells.putText(columns, "email", CONTACT_EMAIL);
            cells.putText(columns, "phone", CONTACT_PHONE);
            cells.putText(columns, "city", CONTACT_CITY);
            cells.putText(columns, "postal_code", CONTACT_POSTAL_CODE);
            cells.putText(columns, "locale", LOCALE);
            cells.putText(columns, "client_type", CLIENT_TYPE);
            if (cells.has(CREATED)) {
                columns.put("created_at", cells.utcTimestamp(CREATED));
            }
            // An empty Updated says nothing about Gazelle's updatedAt: leave the stored one alone.
            Instant updatedAt = cells.utcTimestamp(UPDATED);
            if (updatedAt != null) {
                columns.put("gazelle_updated_at", updatedAt);
            }
            return new ExportRowResult.Mapped(new SyncRecord(GazelleEntity.CLIENT, id, updatedAt, columns));
        } catch (BadCellException e) {
            return e.invalid();
        }
    }
}
