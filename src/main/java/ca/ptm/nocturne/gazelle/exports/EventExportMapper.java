package ca.ptm.nocturne.gazelle.exports;

import ca.ptm.nocturne.gazelle.EventStatus;

import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.CLIENT;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.CREATED_AT;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.DURATION;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.EVENT_ID;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.START;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.STATUS;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.TIMEZONE;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.TITLE;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.TYPE;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.USER_FIRST_NAME;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.USER_LAST_NAME;

import ca.ptm.nocturne.gazelle.mapping.GazelleTime;
import ca.ptm.nocturne.gazelle.sync.GazelleEntity;
import ca.ptm.nocturne.gazelle.sync.SyncRecord;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A row of the Gazelle event export. Start is a local time in the row's own time zone; the technician is known only
 * by name and is resolved through the technician table, never stored as raw text in the id column.
 */
public final class EventExportMapper implements ExportRowMapper {

    private static final int MINUTES_PER_DAY = 1440;

    private final Function<String, Optional<String>> technicianIdByName;

    /** @param technicianIdByName full name "First Last" (placeholder "À attribuer" included) → usr_ id */
    public EventExportMapper(Function<String, Optional<String>> technicianIdByName) {
        this.technicianIdByName = Objects.requireNonNull(technicianIdByName);
    }

    @Override
    public ExportRowResult map(ExportRow row) {
        ExportCells cells = new ExportCells(row);
        try {
            String id = cells.requiredId(EVENT_ID, "evt_");
            Map<String, Object> columns = new LinkedHashMap<>();
            cells.putText(columns, "client_external_id", CLIENT);
            cells.putText(columns, "title", TITLE);
            cells.putText(columns, "notes", TITLE); // the export has no notes; the table's rule is "notes, else title"
            LocalDateTime localStart = requiredStart(cells);
            Instant start = localStart.atZone(zone(cells)).toInstant();
            columns.put("start_datetime", start);
            columns.put("appointment_date", GazelleTime.montrealDate(start));
            columns.put("appointment_time", GazelleTime.montrealTime(start));
            if (cells.has(DURATION)) {
                Integer duration = cells.integer(DURATION);
                columns.put("duration_minutes", duration);
                columns.put("is_all_day", duration == null ? null
                        : duration >= MINUTES_PER_DAY && localStart.toLocalTime().equals(LocalTime.MIDNIGHT));
            }
            if (cells.has(STATUS)) {
                columns.put("status", EventStatus.canonical(cells.text(STATUS)));   // the export says CANCELLED
            }
            cells.putText(columns, "event_type", TYPE);
            if (cells.has(USER_FIRST_NAME) || cells.has(USER_LAST_NAME)) {
                columns.put("technicien", technician(cells));
            }
            if (cells.has(CREATED_AT)) {
                columns.put("created_at", cells.utcTimestamp(CREATED_AT));
            }
            return new ExportRowResult.Mapped(new SyncRecord(GazelleEntity.APPOINTMENT, id, null, columns));
        } catch (BadCellException e) {
            return e.invalid();
        }
    }

    private static LocalDateTime requiredStart(ExportCells cells) {
        LocalDateTime start = cells.localDateTime(START);
        if (start == null) {
            throw new BadCellException(START, "", "Date de début manquante");
        }
        return start;
    }

    private static ZoneId zone(ExportCells cells) {
        String zone = cells.text(TIMEZONE);
        if (zone == null) {
            return GazelleTime.MONTREAL;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new BadCellException(TIMEZONE, zone, "Fuseau horaire inconnu : « " + zone + " »");
        }
    }

    /** The usr_ id of the named technician; null when there is no name or it is unknown (the row is kept). */
    private String technician(ExportCells cells) {
        String first = cells.text(USER_FIRST_NAME);
        String last = cells.text(USER_LAST_NAME);
        if (first == null && last == null) {
            return null;
        }
        String name = first == null ? last : last == null ? first : first + ' ' + last;
        return technicianIdByName.apply(name).orElse(null);
    }
}
