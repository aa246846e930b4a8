package ca.ptm.nocturne.gazelle.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.gazelle.mapping.MeasurementExtractor.Measurements;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MeasurementExtractorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "21°, 36%                             | 21   | 36 | -",
        "20C, 33%                             | 20   | 33 | -",
        "68°F                                 | 20.0 | -  | -",
        "72 °F, 40%                           | 22.2 | 40 | -",
        "70F                                  | 21.1 | -  | -",
        "Humidité 32%                         | -    | 32 | -",
        "442 Hz                               | -    | -  | 442",
        "442Hz                                | -    | -  | 442",
        "21,5°                                | 21.5 | -  | -",
        "19.5 °C et 41,5 %                    | 19.5 | 41.5 | -",
        "21 degrés, HR 38%                    | 21   | 38 | -",
        "Accord 442 Hz. 21°, 36%. stat 12,50  | 21   | 36 | 442",
        "A442, 22°c                           | 22   | -  | 442",
        "diapason à 440                       | -    | -  | 440",
        "Client 100% satisfait. 45%           | -    | 45 | -",
        "Yamaha C7 : 18°, 52%                 | 18   | 52 | -",
        "thermostat 20, 21°                   | 21   | -  | -",
    })
    void findsReadings(String text, BigDecimal temperature, BigDecimal humidity, BigDecimal pitch) {
        Measurements m = MeasurementExtractor.extract(text);
        assertDecimal(m.temperatureC(), temperature);
        assertDecimal(m.humidityPct(), humidity);
        assertDecimal(m.pitchHz(), pitch);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "100% satisfait",
        "stat 20",
        "thermostat 20",
        "thermostat à 20°",
        "Yamaha C7",
        "C7 accordé, marteaux",
        "50% de rabais",
        "Acompte 30% reçu",
        "4%",
        "98%",
        "stat 20c",
        "Salle 3C",
        "ES-442",
        "442 $",
        "Accord 440",
        "Steinway D 274, Room #304",
        "68°", // a bare degree is Celsius in Québec and 68 °C is not a room
        "Pitch 300 Hz",
    })
    void noFalsePositives(String text) {
        assertThat(MeasurementExtractor.extract(text).isEmpty()).as(text).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void blankGivesNone(String text) {
        assertThat(MeasurementExtractor.extract(text)).isEqualTo(Measurements.NONE);
    }

    private static void assertDecimal(BigDecimal actual, BigDecimal expected) {
        if (expected == null) {
            assertThat(actual).isNull();
        } else {
            assertThat(actual).isEqualByComparingTo(expected);
        }
    }
}
