package ca.ptm.nocturne.gazelle.exports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.HashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cells of one export row, read by header name whatever its case, with the parsing shared by the four exports. A
 * column missing from the file is absent (its column is not written); a blank cell is a present null.
 */
final class ExportCells {

    private static final String UTC_SUFFIX = " utc";

    // A file has a dozen headers and a million rows: each header is normalised once.
    private static final Map<String, String> KEYS = new ConcurrentHashMap<>();

    private final Map<String, String> cells = new HashMap<>();

    ExportCells(ExportRow row) {
        row.cells().forEach((header, cell) -> cells.put(key(header), cell == null ? "" : cell.strip()));
    }

    private static String key(String header) {
        return KEYS.computeIfAbsent(header, ExportKind::key);
    }

    boolean has(String header) {
        return cells.containsKey(key(header));
    }

    /** The cell as written, "" when blank or when the column is missing: the text the tle_ id is computed from. */
    String raw(String header) {
        return cells.getOrDefault(key(header), "");
    }

    /** The cell, null when blank or missing. */
    String text(String header) {
        String cell = raw(header);
        return cell.isEmpty() ? null : cell;
    }

    /** A Gazelle id with its prefix ("cli_"); a row without one cannot be written. */
    String requiredId(String header, String prefix) {
        String id = text(header);
        if (id == null) {
            throw new BadCellException(header, "", "Identifiant manquant dans la colonne « " + header + " »");
        }
        if (!id.startsWith(prefix)) {
            throw new BadCellException(header, id, "Identifiant « " + id + " » invalide : " + prefix + " attendu");
        }
        return id;
    }

    Integer integer(String header) {
        String cell = text(header);
        if (cell == null) {
            return null;
        }
        try {
            return Integer.valueOf(cell);
        } catch (NumberFormatException e) {
            throw new BadCellException(header, cell, "Nombre entier invalide dans « " + header + " » : « " + cell + " »");
        }
    }

    /** An ISO date, "2026-02-14". */
    LocalDate date(String header) {
        String cell = text(header);
        if (cell == null) {
            return null;
        }
        try {
            return LocalDate.parse(cell);
        } catch (DateTimeParseException e) {
            throw new BadCellException(header, cell, "Date invalide dans « " + header + " » : « " + cell + " »");
        }
    }

    /** A UTC timestamp: "2024-11-11 06:05:22 UTC" (timeline) or ISO "2019-04-02T13:10:00Z" (other exports). */
    Instant utcTimestamp(String header) {
        String cell = text(header);
        if (cell == null) {
            return null;
        }
        Instant exact = timelineTimestamp(cell);
        if (exact != null) {
            return exact;
        }
        try {
            if (cell.toLowerCase(Locale.ROOT).endsWith(UTC_SUFFIX)) {
                String local = cell.substring(0, cell.length() - UTC_SUFFIX.length()).strip();
                return LocalDateTime.parse(isoSeparator(local)).toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(cell, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadCellException(header, cell, "Horodatage invalide dans « " + header + " » : « " + cell + " »");
        }
    }

    /**
     * The timeline export's own form, "2024-11-11 06:05:22 UTC", read digit by digit: a million rows are not worth a
     * million runs of the ISO formatter. Null for anything else (or an impossible date), which takes the general path
     * and its messages.
     */
    private static Instant timelineTimestamp(String cell) {
        if (cell.length() != 23 || cell.charAt(4) != '-' || cell.charAt(7) != '-' || cell.charAt(10) != ' '
                || cell.charAt(13) != ':' || cell.charAt(16) != ':' || !cell.endsWith(" UTC")) {
            return null;
        }
        int year = digits(cell, 0, 4);
        int month = digits(cell, 5, 2);
        int day = digits(cell, 8, 2);
        int hour = digits(cell, 11, 2);
        int minute = digits(cell, 14, 2);
        int second = digits(cell, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException impossible) {
            return null;
        }
    }

    /** The number written with exactly these ASCII digits; -1 when one is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** A local date-time without offset: "2025-11-21 16:00" or "2025-11-21T16:00:00". */
    LocalDateTime localDateTime(String header) {
        String cell = text(header);
        if (cell == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(isoSeparator(cell));
        } catch (DateTimeParseException e) {
            throw new BadCellException(header, cell, "Date et heure invalides dans « " + header + " » : « " + cell + " »");
        }
    }

    /** "2025-11-21 16:00" → "2025-11-21T16:00": the first space only. */
    private static String isoSeparator(String text) {
        int space = text.indexOf(' ');
        return space < 0 ? text : text.substring(0, space) + 'T' + text.substring(space + 1);
    }

    /** true/false as Gazelle writes them; yes/no, oui/non and 1/0 are accepted as well. */
    Boolean bool(String header) {
        String cell = text(header);
        if (cell == null) {
            return null;
        }
        switch (cell.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "oui", "1":
                return Boolean.TRUE;
            case "false", "no", "non", "0":
                return Boolean.FALSE;
            default:
                throw new BadCellException(header, cell, "Valeur vrai/faux invalide dans « " + header + " » : « "
                        + cell + " »");
        }
    }

    /** Copies a text cell into a column when the file has that column. */
    void putText(Map<String, Object> columns, String column, String header) {
        if (has(header)) {
            columns.put(column, text(header));
        }
    }
}
