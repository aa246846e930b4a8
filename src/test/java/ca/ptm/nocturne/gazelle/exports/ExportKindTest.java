package ca.ptm.nocturne.gazelle.exports;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.gazelle.sync.GazelleEntity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExportKindTest {

    static final String CLIENTS = "Client ID,Status,Company Name,Default Contact First Name,Default Contact Last Name,"
            + "Default Contact Default City,Default Contact Default Postal Code,Default Contact Default Email,"
            + "Default Contact Default Phone,Client Type,Locale,Created,Updated";
    static final String PIANOS = "Piano ID,Client ID,Type,Make,Model,Serial Number,Location,Year,Piano Status,"
            + "Tuning Interval (mo),Last Tuned,Dampp Chaser Installed,Tags";
    static final String EVENTS = "Event ID,Title,Start,Timezone,Duration (minutes),Type,Status,Client,User First Name,"
            + "User Last Name,Created At";
    static final String TIMELINE = "Client ID,Type,Timestamp,Comment,System Message,Piano Token,Piano Type,Piano Make,"
            + "Piano Model,Piano Serial Number,Piano Location,Piano Year,Created By";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        CLIENTS + "| CLIENTS", PIANOS + "| PIANOS", EVENTS + "| EVENTS", TIMELINE + "| TIMELINE",
        "\uFEFFclient id , COMPANY NAME | CLIENTS",
        " piano id ,client id | PIANOS",
        "EVENT ID | EVENTS",
        "client id,type,timestamp | TIMELINE",
    })
    void recognisesTheExports(String headerLine, ExportKind kind) {
        assertThat(ExportKind.recognise(ExportRows.cells(headerLine))).contains(kind);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {CLIENTS + "| CLIENTS", PIANOS + "| PIANOS", EVENTS + "| EVENTS",
        TIMELINE + "| TIMELINE"})
    void theDocumentedHeadersHoldEveryRequiredOne(String headerLine, ExportKind kind) {
        assertThat(kind.missingHeaders(ExportRows.cells(headerLine))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Client ID,Status", "Date,Salle,Pour qui", "Type,Timestamp", "''"})
    void refusesOtherFiles(String headerLine) {
        assertThat(ExportKind.recognise(ExportRows.cells(headerLine))).isEmpty();
    }

    @Test
    void entitiesAndMissingHeaders() {
        assertThat(ExportKind.CLIENTS.entity()).isEqualTo(GazelleEntity.CLIENT);
        assertThat(ExportKind.PIANOS.entity()).isEqualTo(GazelleEntity.PIANO);
        assertThat(ExportKind.EVENTS.entity()).isEqualTo(GazelleEntity.APPOINTMENT);
        assertThat(ExportKind.TIMELINE.entity()).isEqualTo(GazelleEntity.TIMELINE_ENTRY);
        assertThat(ExportKind.TIMELINE.missingHeaders(List.of("Client ID", "Type", "Timestamp", "Comment")))
                .containsExactly("System Message");
    }
}
