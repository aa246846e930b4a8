package ca.ptm.nocturne.gazelle.exports;

import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.CLIENT_ID;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.COMMENT;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.CREATED_BY;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.PIANO_TOKEN;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.SYSTEM_MESSAGE;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.TIMESTAMP;
import static ca.ptm.nocturne.gazelle.exports.ExportHeaders.TYPE;

import ca.ptm.nocturne.gazelle.mapping.GazelleTime;
import ca.ptm.nocturne.gazelle.mapping.MeasurementExtractor;
import ca.ptm.nocturne.gazelle.mapping.MeasurementExtractor.Measurements;
import ca.ptm.nocturne.gazelle.mapping.TimelineMetadata;
import ca.ptm.nocturne.gazelle.mapping.TimelineSignature;
import ca.ptm.nocturne.gazelle.mapping.TimelineTypes;
import ca.ptm.nocturne.gazelle.sync.GazelleEntity;
import ca.ptm.nocturne.gazelle.sync.SyncRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A row of the Gazelle client timeline export. The export has no entry id, so the id is derived from the content
 * with the scheme of the rows already imported (tle_ + 12 hex digits of an MD5), which lets a re-import land on the
 * same rows instead of duplicating them.
 */
public final class TimelineExportMapper implements ExportRowMapper {

    static final String ID_PREFIX = "tle_";
    private static final int ID_HEX_DIGITS = 12;
    // Looking the algorithm up costs more than hashing a row; a digest is reused by its thread (digest() resets it).
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    });

    @Override
    public ExportRowResult map(ExportRow row) {
        ExportCells cells = new ExportCells(row);
        try {
            String entryType = TimelineTypes.fromLabel(cells.text(TYPE));
            String comment = cells.text(COMMENT);
            String systemMessage = cells.text(SYSTEM_MESSAGE);
            Optional<String> noise = TimelineNoise.reason(entryType, comment, systemMessage);
            if (noise.isPresent()) {
                return new ExportRowResult.Noise(noise.get());
            }
            if (entryType == null) {
                throw new BadCellException(TYPE, "", "Type d'entrée manquant");
            }
            Instant occurredAt = cells.utcTimestamp(TIMESTAMP);
            if (occurredAt == null) {
                throw new BadCellException(TIMESTAMP, "", "Horodatage manquant");
            }
            LocalDate occurredDate = GazelleTime.montrealDate(occurredAt);
            String description = comment != null ? comment : systemMessage;
            Measurements measurements = MeasurementExtractor.extract(
                    comment == null ? systemMessage : systemMessage == null ? comment : comment + '\n' + systemMessage);

            Map<String, Object> columns = new LinkedHashMap<>();
            cells.putText(columns, "client_id", CLIENT_ID);
            if (cells.has(PIANO_TOKEN)) {
                columns.put("piano_id", pianoId(cells));
            }
            columns.put("occurred_at", occurredAt);
            columns.put("occurred_date", occurredDate);
            columns.put("entry_type", entryType);
            columns.put("title", comment != null ? systemMessage : null);
            columns.put("description", description);
            columns.put("temperature_c", measurements.temperatureC());
            columns.put("humidity_pct", measurements.humidityPct());
            columns.put("pitch_hz", measurements.pitchHz());
            Map<String, String> extra = new LinkedHashMap<>();
            extra.put("createdBy", cells.text(CREATED_BY));
            columns.put("metadata", TimelineMetadata.of(TimelineMetadata.ORIGIN_CSV, extra, measurements));
            columns.put("origin", TimelineMetadata.ORIGIN_CSV);
            columns.put("content_signature", TimelineSignature.of(occurredDate, description));
            return new ExportRowResult.Mapped(new SyncRecord(GazelleEntity.TIMELINE_ENTRY, externalId(cells), null,
                    columns));
        } catch (BadCellException e) {
            return e.invalid();
        }
    }

    /**
     * tle_ + the first 12 hex digits of MD5(Type + Timestamp + Client ID + Comment + System Message), the cells
     * concatenated as written, in UTF-8: the existing scheme, kept exactly so that re-imports match.
     */
    static String externalId(ExportCells cells) {
        String content = cells.raw(TYPE) + cells.raw(TIMESTAMP) + cells.raw(CLIENT_ID) + cells.raw(COMMENT)
                + cells.raw(SYSTEM_MESSAGE);
        byte[] digest = MD5.get().digest(content.getBytes(StandardCharsets.UTF_8));
        return ID_PREFIX + HexFormat.of().formatHex(digest, 0, ID_HEX_DIGITS / 2);
    }

    /** The Piano Token is the ins_ id; anything else (an old numeric id) must not reach the column. */
    private static String pianoId(ExportCells cells) {
        String token = cells.text(PIANO_TOKEN);
        if (token != null && !token.startsWith("ins_")) {
            throw new BadCellException(PIANO_TOKEN, token, "Jeton de piano « " + token + " » invalide : ins_ attendu");
        }
        return token;
    }
}
