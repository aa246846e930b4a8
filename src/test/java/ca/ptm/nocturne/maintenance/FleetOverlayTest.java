package ca.ptm.nocturne.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.maintenance.FleetOverlay.FileRow;
import ca.ptm.nocturne.maintenance.FleetOverlay.GazellePiano;
import ca.ptm.nocturne.maintenance.FleetOverlay.Link;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetOverlayTest {

    static FileRow row(long id, String serial, String piano, String room) {
        return new FileRow(id, serial == null ? null : serial.toUpperCase().replace(" ", ""), piano, room, null, null);
    }

    @Test
    void serialsMatchWhateverTheCaseAndSpaces() {
        Map<Long, Link> links = FleetOverlay.match(List.of(row(1, "j000 0001", "Yamaha U1", "EM402")),
                List.of(new GazellePiano("ins_1", "Yamaha", "U1", "J0000001", "EM 402"), new GazellePiano("ins_2", "Yamaha", "U1", "J0000002", "EM 402")));

        assertThat(links.get(1L)).isEqualTo(new Link("ins_1", "serial", null));
    }

    @Test
    void aModelGluedToTheSerialIsStrippedOnEitherSide() {
        Map<Long, Link> links = FleetOverlay.match(List.of(
                        row(1, "B2PMJ2040123", "Yamaha B2PM", "101"),
                        row(2, "J2040999", "Yamaha B2PE", "102")),
                List.of(new GazellePiano("ins_1", "Yamaha", "B2PM", "J2040123", null),
                        new GazellePiano("ins_2", "Yamaha", "B2PE", "B2PE J2040999", null)));

        assertThat(links.get(1L).pianoId()).isEqualTo("ins_1");
        assertThat(links.get(2L).pianoId()).isEqualTo("ins_2");
    }

    @Test
    void withoutSerialMakeModelAndRoomMustAllFitAndBeUnique() {
        Map<Long, Link> links = FleetOverlay.match(List.of(
                        row(1, null, "Kawai CA", "5E"),
                        row(2, null, "Yamaha U1", "?"),
                        row(3, null, "Steinway B", "SCL")),
                List.of(new GazellePiano("ins_1", "Kawai", "CA", null, "5E"),
                        new GazellePiano("ins_2", "Yamaha", "U1", null, "Studio 3"),
                        new GazellePiano("ins_3", "Steinway", "B", null, "SCL"),
                        new GazellePiano("ins_4", "Steinway", "B", null, "SCL")));

        assertThat(links.get(1L)).isEqualTo(new Link("ins_1", "make_model_room", null));
        assertThat(links.get(2L).pianoId()).as("same make and model, other room: weak").isNull();
        assertThat(links.get(2L).note()).startsWith("Correspondance faible");
        assertThat(links.get(3L).pianoId()).as("two identical pianos in one room: a tie").isNull();
        assertThat(links.get(3L).note()).startsWith("Égalité : 2 pianos Gazelle");
    }

    @Test
    void aSerialSharedByTwoGazellePianosIsATieNeverAGuess() {
        Map<Long, Link> links = FleetOverlay.match(List.of(row(1, "400100", "Steinway D", "WP")),
                List.of(new GazellePiano("ins_1", "Steinway", "D", "400100", "WP"), new GazellePiano("ins_2", "Steinway", "D", "400 100", "MS")));

        assertThat(links.get(1L).pianoId()).isNull();
        assertThat(links.get(1L).note()).isEqualTo("Égalité : n° de série partagé par 2 pianos Gazelle (ins_1, ins_2)");
    }

    @Test
    void aManualLinkIsKeptAndItsPianoIsNotOfferedToOtherRows() {
        FileRow manual = new FileRow(1, null, "Steinway D", "WP", "ins_1", "manual");
        Map<Long, Link> links = FleetOverlay.match(List.of(manual, row(2, null, "Steinway D", "WP")),
                List.of(new GazellePiano("ins_1", "Steinway", "D", null, "WP")));

        assertThat(links).doesNotContainKey(1L);
        assertThat(links.get(2L)).isNull();
    }

    @Test
    void noneAndQuestionMarkAreNotSerials() {
        assertThat(FleetOverlay.fileKeys(row(1, "None", "Yamaha U1", "?"))).isEmpty();
        assertThat(FleetOverlay.fileKeys(row(1, "?", "Yamaha U1", "?"))).isEmpty();
    }
}
