package ca.ptm.nocturne.reports.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The Entretien columns filled from the note when the entry does not carry the reading: one test per pattern. */
class ReadingsTest {

    @Test
    void accordNNNHzFillsTheDiapason() {
        Readings r = Readings.of(null, null, null, "Accord 442 Hz");
        assertThat(r.pitch()).isEqualByComparingTo("442");
        assertThat(r.temperature()).isNull();
        assertThat(r.humidity()).isNull();
    }

    @Test
    void diapasonNNNFillsTheDiapason() {
        assertThat(Readings.of(null, null, null, "Accord complet, diapason 440").pitch()).isEqualByComparingTo("440");
    }

    @Test
    void diapasonANNNFillsTheDiapason() {
        assertThat(Readings.of(null, null, null, "diapason à 442, unissons").pitch()).isEqualByComparingTo("442");
    }

    @Test
    void noteNameFillsTheDiapason() {
        assertThat(Readings.of(null, null, null, "A=441 pour le récital").pitch()).isEqualByComparingTo("441");
    }

    @Test
    void degreesAndPercentFillTemperatureAndHumidity() {
        Readings r = Readings.of(null, null, null, "Accord 442 Hz. 21°, 36%. stat 12,50");
        assertThat(r.temperature()).isEqualByComparingTo("21");
        assertThat(r.humidity()).isEqualByComparingTo("36");
        assertThat(r.pitch()).isEqualByComparingTo("442");
    }

    @Test
    void humidityWordedInTheTitleIsRead() {
        Readings r = Readings.of(null, null, null, "Humidité 32%", null);
        assertThat(r.humidity()).isEqualByComparingTo("32");
    }

    @Test
    void storedReadingsWinOverTheText() {
        Readings r = Readings.of(new BigDecimal("20.5"), null, new BigDecimal("440"), "Accord 442 Hz, 22°, 41%");
        assertThat(r.temperature()).isEqualByComparingTo("20.5");
        assertThat(r.pitch()).isEqualByComparingTo("440");
        assertThat(r.humidity()).isEqualByComparingTo("41");
    }

    @Test
    void aNoteWithoutReadingsFillsNothing() {
        Readings r = Readings.of(null, null, null, "Accord 440 demandé; stationnement 20 $; 100% satisfait");
        assertThat(r).isEqualTo(new Readings(null, null, null));
    }
}
