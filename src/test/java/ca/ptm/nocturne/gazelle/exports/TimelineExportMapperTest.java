package ca.ptm.nocturne.gazelle.exports;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.gazelle.sync.GazelleEntity;
import ca.ptm.nocturne.gazelle.sync.SyncRecord;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TimelineExportMapperTest {

    /** DOMAIN.md, "7. Gazelle client timeline export". */
    private static final String EXPORT = """
            Client ID,Type,Timestamp,Comment,System Message,Piano Token,Piano Type,Piano Make,Piano Model,Piano Serial Number,Piano Location,Piano Year,Created By
            cli_DEMO0000000001,Service,2025-11-21 21:05:22 UTC,"Accord 442 Hz. 21°, 36%. stat 12,50",,ins_DEMO0000000001,grand,Steinway,D,400100,WP,2011,Nicolas X
            cli_DEMO0000000004,Measurement,2026-01-10 14:00:00 UTC,,Humidité 32%,ins_DEMO0000000002,upright,Yamaha,b2PE,j0000001,EM402,2013,
            cli_DEMO0000000002,Email,2026-01-11 09:15:00 UTC,,Email opened,,,,,,,,System
            """;

    private static final List<String> HEADERS = ExportRows.cells(ExportRows.header(EXPORT));

    private final TimelineExportMapper mapper = new TimelineExportMapper();
    private final List<ExportRow> rows = ExportRows.parse(EXPORT);

    /** The existing scheme, computed here on its own: tle_ + 12 hex digits of MD5 of the five cells, as written. */
    private static String expectedId(String type, String timestamp, String clientId, String comment, String message)
            throws Exception {
        byte[] digest = MessageDigest.getInstance("MD5")
                .digest((type + timestamp + clientId + comment + message).getBytes(StandardCharsets.UTF_8));
        StringBuilder hex = new StringBuilder();
        for (byte b : digest) {
            hex.append(String.format("%02x", b & 0xff));
        }
        return "tle_" + hex.substring(0, 12);
    }

    private SyncRecord mapped(ExportRow row) {
        ExportRowResult result = mapper.map(row);
        assertThat(result).isInstanceOf(ExportRowResult.Mapped.class);
        return ((ExportRowResult.Mapped) result).record();
    }

    private static JsonNode metadata(SyncRecord record) {
        return JsonMapper.shared().readTree(((SyncRecord.JsonText) record.columns().get("metadata")).json());
    }

    private static ExportRow row(String clientId, String type, String timestamp, String comment, String message) {
        return ExportRows.row(9, HEADERS, List.of(clientId, type, timestamp, comment, message));
    }

    @Test
    void serviceNoteWithMeasurements() throws Exception {
        SyncRecord entry = mapped(rows.get(0));

        assertThat(entry.entity()).isEqualTo(GazelleEntity.TIMELINE_ENTRY);
        assertThat(entry.externalId()).isEqualTo(expectedId("Service", "2025-11-21 21:05:22 UTC", "cli_DEMO0000000001",
                "Accord 442 Hz. 21°, 36%. stat 12,50", "")).matches("tle_[0-9a-f]{12}");
        assertThat(entry.updatedAt()).isNull();
        assertThat(entry.columns())
                .containsEntry("client_id", "cli_DEMO0000000001").containsEntry("piano_id", "ins_DEMO0000000001")
                .containsEntry("occurred_at", Instant.parse("2025-11-21T21:05:22Z"))
                .containsEntry("occurred_date", LocalDate.of(2025, 11, 21))
                .containsEntry("entry_type", "SERVICE_ENTRY_MANUAL")
                .containsEntry("title", null)
                .containsEntry("description", "Accord 442 Hz. 21°, 36%. stat 12,50")
                .containsEntry("origin", "csv")
                .containsEntry("content_signature", "2025-11-21|accord 442 hz. 21°, 36%. stat 12,50")
                .doesNotContainKey("user_id");
        assertThat((BigDecimal) entry.columns().get("temperature_c")).isEqualByComparingTo("21");
        assertThat((BigDecimal) entry.columns().get("humidity_pct")).isEqualByComparingTo("36");
        assertThat((BigDecimal) entry.columns().get("pitch_hz")).isEqualByComparingTo("442");
        JsonNode metadata = metadata(entry);
        assertThat(metadata.path("origin").asString()).isEqualTo("csv");
        assertThat(metadata.path("createdBy").asString()).isEqualTo("Nicolas X");
        assertThat(metadata.path("temperatureC").decimalValue()).isEqualByComparingTo("21");
        assertThat(metadata.path("humidityPct").decimalValue()).isEqualByComparingTo("36");
        assertThat(metadata.path("pitchHz").decimalValue()).isEqualByComparingTo("442");
    }

    @Test
    void measurementInTheSystemMessage() throws Exception {
        SyncRecord entry = mapped(rows.get(1));

        assertThat(entry.externalId()).isEqualTo(expectedId("Measurement", "2026-01-10 14:00:00 UTC",
                "cli_DEMO0000000004", "", "Humidité 32%"));
        assertThat(entry.columns()).containsEntry("entry_type", "PIANO_MEASUREMENT")
                .containsEntry("description", "Humidité 32%").containsEntry("title", null)
                .containsEntry("temperature_c", null).containsEntry("pitch_hz", null)
                .containsEntry("occurred_date", LocalDate.of(2026, 1, 10))
                .containsEntry("content_signature", "2026-01-10|humidite 32%");
        assertThat((BigDecimal) entry.columns().get("humidity_pct")).isEqualByComparingTo("32");
        assertThat(metadata(entry).has("createdBy")).isFalse();
        assertThat(metadata(entry).path("humidityPct").decimalValue()).isEqualByComparingTo("32");
    }

    @Test
    void emailOpenedIsNoise() {
        assertThat(mapper.map(rows.get(2))).isInstanceOfSatisfying(ExportRowResult.Noise.class,
                noise -> assertThat(noise.reason()).contains("courriel ouvert"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Email  | ''                         | E-mail ouvert                             | courriel ouvert",
        "Email  | ''                         | Email opened by client                    | courriel ouvert",
        "System | ''                         | Appointment created                       | rendez-vous créé",
        "System | ''                         | Rendez-vous créé pour le 2026-03-14       | rendez-vous créé",
        "Email  | ''                         | Campaign 'Printemps 2026' sent            | campagne",
        "Email  | ''                         | Infolettre de mars                        | campagne",
        "Email  | Notre newsletter d'automne | ''                                        | campagne",
        "Email  | ''                         | Envoi de la campagne de rappel            | campagne",
    })
    void noiseRows(String type, String comment, String message, String reasonPart) {
        ExportRowResult result = mapper.map(row("cli_X", type, "2026-01-11 09:15:00 UTC", comment, message));
        assertThat(result).isInstanceOfSatisfying(ExportRowResult.Noise.class,
                noise -> assertThat(noise.reason()).contains(reasonPart));
    }

    @Test
    void aTechniciansCommentAboutACampaignIsKept() {
        ExportRowResult result = mapper.map(row("cli_X", "Service", "2026-01-11 09:15:00 UTC",
                "Client parle de la campagne de financement", ""));
        assertThat(result).isInstanceOf(ExportRowResult.Mapped.class);
    }

    @Test
    void commentAndSystemMessageBothPresent() {
        SyncRecord entry = mapped(row("cli_X", "Note", "2026-01-11 09:15:00 UTC", "Rappeler en mai", "Note ajoutée"));
        assertThat(entry.columns()).containsEntry("entry_type", "USER_COMMENT")
                .containsEntry("description", "Rappeler en mai").containsEntry("title", "Note ajoutée");
    }

    @Test
    void unknownTypeIsKeptAsItComes() {
        SyncRecord entry = mapped(row("cli_X", "Piano Rental", "2026-01-11 09:15:00 UTC", "Location mensuelle", ""));
        assertThat(entry.columns()).containsEntry("entry_type", "PIANO_RENTAL");
    }

    @Test
    void lateEveningUtcBelongsToTheMontrealDayBefore() {
        SyncRecord entry = mapped(row("cli_X", "Service", "2025-11-21 03:30:00 UTC", "Accord", ""));
        assertThat(entry.columns()).containsEntry("occurred_date", LocalDate.of(2025, 11, 20))
                .containsEntry("content_signature", "2025-11-20|accord");
    }

    @Test
    void parkingAndThermostatAreNotMeasurements() {
        SyncRecord entry = mapped(row("cli_X", "Service", "2025-11-21 15:00:00 UTC", "Accord, stat 20, thermostat 20", ""));
        assertThat(entry.columns()).containsEntry("temperature_c", null).containsEntry("humidity_pct", null)
                .containsEntry("pitch_hz", null);
        assertThat(metadata(entry).size()).isEqualTo(1);
    }

    @Test
    void sameCellsGiveSameIdAndOtherCellsAnother() {
        ExportRow first = row("cli_X", "Service", "2025-11-21 15:00:00 UTC", "Accord", "");
        ExportRow again = row("cli_X", "Service", "2025-11-21 15:00:00 UTC", "Accord", "");
        ExportRow other = row("cli_X", "Service", "2025-11-21 15:00:01 UTC", "Accord", "");
        assertThat(mapped(first).externalId()).isEqualTo(mapped(again).externalId())
                .isNotEqualTo(mapped(other).externalId());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2025-11-21 21:05:22 UTC   | 2025-11-21T21:05:22Z",
        "2024-02-29 00:00:00 UTC   | 2024-02-29T00:00:00Z",
        "2025-11-21 21:05 UTC      | 2025-11-21T21:05:00Z",
        "2025-11-21 21:05:22 utc   | 2025-11-21T21:05:22Z",
        "2025-11-21T21:05:22.5 UTC | 2025-11-21T21:05:22.500Z",
        "2025-11-21T21:05:22Z      | 2025-11-21T21:05:22Z",
    })
    void timestampsOfTheExportsFormAndOfTheOthersReadTheSame(String timestamp, Instant expected) {
        assertThat(mapped(row("cli_X", "Service", timestamp, "Accord", "")).columns()).containsEntry("occurred_at", expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Service | 2023-02-29 10:00:00 UTC | Timestamp | Horodatage invalide dans « Timestamp » : « 2023-02-29 10:00:00 UTC »",
        "Service | 2025-11-21 24:00:00 UTC | Timestamp | Horodatage invalide dans « Timestamp » : « 2025-11-21 24:00:00 UTC »",
        "Service | 2025-1a-21 10:00:00 UTC | Timestamp | Horodatage invalide dans « Timestamp » : « 2025-1a-21 10:00:00 UTC »",
        "Service | 2025-11-31 10:00:00 UTC | Timestamp | Horodatage invalide dans « Timestamp » : « 2025-11-31 10:00:00 UTC »",
        "Service | hier                    | Timestamp | Horodatage invalide dans « Timestamp » : « hier »",
        "Service | ''                      | Timestamp | Horodatage manquant",
        "''      | 2025-11-21 10:00:00 UTC | Type      | Type d'entrée manquant",
    })
    void badValuesAreInvalidRows(String type, String timestamp, String field, String message) {
        ExportRowResult result = mapper.map(row("cli_X", type, timestamp, "Accord", ""));
        assertThat(result).isInstanceOfSatisfying(ExportRowResult.Invalid.class, invalid -> {
            assertThat(invalid.field()).isEqualTo(field);
            assertThat(invalid.message()).isEqualTo(message);
        });
    }

    @Test
    void aNumericPianoIdIsRefused() {
        ExportRow row = ExportRows.row(9, HEADERS,
                List.of("cli_X", "Service", "2025-11-21 10:00:00 UTC", "Accord", "", "4711"));
        assertThat(mapper.map(row)).isEqualTo(new ExportRowResult.Invalid("Piano Token", "4711",
                "Jeton de piano « 4711 » invalide : ins_ attendu"));
    }
}
