package ca.ptm.nocturne.gazelle.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import ca.ptm.nocturne.gazelle.sync.GazelleEntity;
import ca.ptm.nocturne.gazelle.sync.SyncRecord;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PianoExportMapperTest {

    /** DOMAIN.md, "5. Gazelle piano export". */
    private static final String EXPORT = """
            Piano ID,Client ID,Type,Make,Model,Serial Number,Location,Year,Piano Status,Tuning Interval (mo),Last Tuned,Dampp Chaser Installed,Tags
            ins_DEMO0000000001,cli_DEMO0000000001,grand,Steinway,D,400100,WP,2011,ACTIVE,3,2026-02-14,false,
            ins_DEMO0000000002,cli_DEMO0000000004,upright,Yamaha (arch),b2PE,j0000001,EM 402 ,2013,INACTIVE,12,,true,"École, Priorité 1"
            ins_DEMO0000000003,cli_DEMO0000000001,grand,Baldwin,,,Room #?,,ACTIVE,,,false,non
            """;

    private final PianoExportMapper mapper = new PianoExportMapper();
    private final List<ExportRow> rows = ExportRows.parse(EXPORT);

    private SyncRecord mapped(ExportRow row) {
        ExportRowResult result = mapper.map(row);
        assertThat(result).isInstanceOf(ExportRowResult.Mapped.class);
        return ((ExportRowResult.Mapped) result).record();
    }

    @Test
    void concertGrand() {
        SyncRecord piano = mapped(rows.get(0));
        assertThat(piano.entity()).isEqualTo(GazelleEntity.PIANO);
        assertThat(piano.externalId()).isEqualTo("ins_DEMO0000000001");
        assertThat(piano.updatedAt()).isNull();
        assertThat(piano.columns()).containsOnly(
                entry("client_external_id", "cli_DEMO0000000001"), entry("type", "GRAND"), entry("make", "Steinway"),
                entry("model", "D"), entry("serial_number", "400100"), entry("serial_normalized", "400100"),
                entry("location", "WP"), entry("year", 2011), entry("status", "ACTIVE"),
                entry("service_interval_months", 3), entry("last_service_on", LocalDate.of(2026, 2, 14)),
                entry("dampp_chaser_installed", false), entry("tags", List.of()));
    }

    @Test
    void schoolUprightWithItsQuirks() {
        SyncRecord piano = mapped(rows.get(1));
        assertThat(piano.columns()).containsEntry("type", "UPRIGHT").containsEntry("make", "Yamaha (arch)")
                .containsEntry("serial_number", "j0000001").containsEntry("serial_normalized", "J0000001")
                .containsEntry("location", "EM 402").containsEntry("last_service_on", null)
                .containsEntry("dampp_chaser_installed", true).containsEntry("tags", List.of("École", "Priorité 1"));
    }

    @Test
    void hiddenPianoWithEmptyCells() {
        SyncRecord piano = mapped(rows.get(2));
        assertThat(piano.columns()).containsEntry("model", null).containsEntry("serial_number", null)
                .containsEntry("serial_normalized", null).containsEntry("location", "Room #?")
                .containsEntry("year", null).containsEntry("service_interval_months", null)
                .containsEntry("tags", List.of("non"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Year | 20l1 | Nombre entier invalide dans « Year » : « 20l1 »",
        "Tuning Interval (mo) | 3 mois | Nombre entier invalide dans « Tuning Interval (mo) » : « 3 mois »",
        "Last Tuned | 14/02/2026 | Date invalide dans « Last Tuned » : « 14/02/2026 »",
        "Dampp Chaser Installed | peut-être | Valeur vrai/faux invalide dans « Dampp Chaser Installed » : « peut-être »",
    })
    void badValuesAreInvalidRows(String header, String value, String message) {
        ExportRow row = ExportRows.row(5, List.of("Piano ID", header), List.of("ins_X", value));
        assertThat(mapper.map(row)).isEqualTo(new ExportRowResult.Invalid(header, value, message));
    }
}
