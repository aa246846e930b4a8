package ca.ptm.nocturne.gazelle.mapping;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Gazelle speaks UTC, the business speaks Montreal days: at 22:00 in Montreal it is already tomorrow in UTC, so every
 * local date or time is derived here and nowhere else.
 */
public final class GazelleTime {

    public static final ZoneId MONTREAL = ZoneId.of("America/Montreal");

    private GazelleTime() {
    }

    /** The Montreal calendar day of an instant; null for null. */
    public static LocalDate montrealDate(Instant instant) {
        return instant == null ? null : instant.atZone(MONTREAL).toLocalDate();
    }

    /** The Montreal wall-clock time of an instant; null for null. */
    public static LocalTime montrealTime(Instant instant) {
        return instant == null ? null : instant.atZone(MONTREAL).toLocalTime();
    }

    /**
     * Reads an API DateTime such as "2026-02-11T21:40:57Z" (an explicit offset such as "+00:00" is accepted too).
     *
     * @return the instant, or null for null or blank text
     * @throws java.time.format.DateTimeParseException when the text is not an ISO-8601 date-time with offset
     */
    public static Instant parseApi(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return OffsetDateTime.parse(text.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }
}
