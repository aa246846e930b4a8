package ca.ptm.nocturne.gazelle.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import ca.ptm.nocturne.gazelle.sync.GazelleEntity;
import ca.ptm.nocturne.gazelle.sync.SyncRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventExportMapperTest {

    /** DOMAIN.md, "6. Gazelle event export". */
    private static final String EXPORT = """
            Event ID,Title,Start,Timezone,Duration (minutes),Type,Status,Client,User First Name,User Last Name,Created At
            evt_DEMO0000000001,Place des Arts Gala fictif avant 18h,2025-11-21 16:00,America/Montreal,60,APPOINTMENT,COMPLETE,cli_DEMO0000000001,Nicolas,X,2025-11-14T15:02:00Z
            evt_DEMO0000000002,Accord annuel,2026-03-14 09:30,America/Montreal,90,APPOINTMENT,ACTIVE,cli_DEMO0000000002,À,attribuer,2026-03-01T13:20:00Z
            evt_DEMO0000000003,Bloc personnel,2026-03-15 00:00,America/Montreal,1440,PERSONAL,CANCELLED,,Allan,Y,2026-03-10T09:00:00Z
            """;

    private static final Map<String, String> TECHNICIANS = Map.of("Nicolas X", "usr_Nico0001", "À attribuer", "usr_Aatt001");

    private final List<String> askedNames = new ArrayList<>();
    private final EventExportMapper mapper = new EventExportMapper(name -> {
        askedNames.add(name);
        return Optional.ofNullable(TECHNICIANS.get(name));
    });
    private final List<ExportRow> rows = ExportRows.parse(EXPORT);

    private SyncRecord mapped(ExportRow row) {
        ExportRowResult result = mapper.map(row);
        assertThat(result).isInstanceOf(ExportRowResult.Mapped.class);
        return ((ExportRowResult.Mapped) result).record();
    }

    @Test
    void pdaAppointmentInWinterTime() {
        SyncRecord event = mapped(rows.get(0));
        assertThat(event.entity()).isEqualTo(GazelleEntity.APPOINTMENT);
        assertThat(event.externalId()).isEqualTo("evt_DEMO0000000001");
        assertThat(event.updatedAt()).isNull();
        assertThat(event.columns()).containsOnly(
                entry("client_external_id", "cli_DEMO0000000001"), entry("title", "Place des Arts Gala fictif avant 18h"),
                entry("notes", "Place des Arts Gala fictif avant 18h"),
                entry("start_datetime", Instant.parse("2025-11-21T21:00:00Z")),
                entry("appointment_date", LocalDate.of(2025, 11, 21)), entry("appointment_time", LocalTime.of(16, 0)),
                entry("duration_minutes", 60), entry("is_all_day", false), entry("status", "COMPLETE"),
                entry("event_type", "APPOINTMENT"), entry("technicien", "usr_Nico0001"),
                entry("created_at", Instant.parse("2025-11-14T15:02:00Z")));
        assertThat(askedNames).containsExactly("Nicolas X");
    }

    @Test
    void placeholderTechnicianResolvesLikeAnyName() {
        SyncRecord event = mapped(rows.get(1));
        assertThat(event.columns()).containsEntry("technicien", "usr_Aatt001")
                .containsEntry("start_datetime", Instant.parse("2026-03-14T13:30:00Z")) // summer time since March 8
                .containsEntry("appointment_time", LocalTime.of(9, 30)).containsEntry("duration_minutes", 90);
    }

    @Test
    void allDayPersonalBlockWithoutClientAndUnknownTechnician() {
        SyncRecord event = mapped(rows.get(2));
        assertThat(event.columns()).containsEntry("client_external_id", null).containsEntry("technicien", null)
                .containsEntry("is_all_day", true).containsEntry("event_type", "PERSONAL")
                .containsEntry("status", "CANCELED").containsEntry("appointment_date", LocalDate.of(2026, 3, 15))
                .containsEntry("appointment_time", LocalTime.MIDNIGHT);
    }

    @Test
    void longEventNotStartingAtMidnightIsNotAllDay() {
        ExportRow row = ExportRows.row(2, List.of("Event ID", "Start", "Duration (minutes)"),
                List.of("evt_X", "2026-03-15 08:00", "1440"));
        assertThat(mapped(row).columns()).containsEntry("is_all_day", false).doesNotContainKey("technicien");
    }

    @Test
    void otherTimeZoneGivesMontrealLocalDateAndTime() {
        ExportRow row = ExportRows.row(2, List.of("Event ID", "Start", "Timezone"),
                List.of("evt_X", "2025-11-21 01:00", "Europe/Paris"));
        assertThat(mapped(row).columns()).containsEntry("start_datetime", Instant.parse("2025-11-21T00:00:00Z"))
                .containsEntry("appointment_date", LocalDate.of(2025, 11, 20))
                .containsEntry("appointment_time", LocalTime.of(19, 0));
    }

    @Test
    void missingTimeZoneMeansMontreal() {
        ExportRow row = ExportRows.row(2, List.of("Event ID", "Start", "Timezone"), List.of("evt_X", "2025-11-21 16:00", ""));
        assertThat(mapped(row).columns()).containsEntry("start_datetime", Instant.parse("2025-11-21T21:00:00Z"));
    }

    @Test
    void badValuesAreInvalidRows() {
        List<String> headers = List.of("Event ID", "Start", "Timezone", "Duration (minutes)");
        assertThat(mapper.map(ExportRows.row(2, headers, List.of("evt_X", "21 novembre", "", "60"))))
                .isEqualTo(new ExportRowResult.Invalid("Start", "21 novembre",
                        "Date et heure invalides dans « Start » : « 21 novembre »"));
        assertThat(mapper.map(ExportRows.row(3, headers, List.of("evt_X", "2025-11-21 16:00", "Mars/Base", "60"))))
                .isEqualTo(new ExportRowResult.Invalid("Timezone", "Mars/Base", "Fuseau horaire inconnu : « Mars/Base »"));
        assertThat(mapper.map(ExportRows.row(4, headers, List.of("evt_X", "2025-11-21 16:00", "", "une heure"))))
                .isInstanceOfSatisfying(ExportRowResult.Invalid.class,
                        i -> assertThat(i.field()).isEqualTo("Duration (minutes)"));
        assertThat(mapper.map(ExportRows.row(5, headers, List.of("evt_X", "", "", "60"))))
                .isEqualTo(new ExportRowResult.Invalid("Start", "", "Date de début manquante"));
    }
}
