package ca.ptm.nocturne.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ParkingParserTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "stat 12,50|12.50",
            "stat 20|20.00",
            "Stat 20|20.00",
            "STAT 20|20.00",
            "stat. 20|20.00",
            "stat.20|20.00",
            "stat: 7,5|7.50",
            "stat 9.75|9.75",
            "Stationnement 15,00|15.00",
            "stationnement 12,50|12.50",
            "stationnement: 15,00 $|15.00",
            "stationnement = 15.00|15.00",
            "stationnement de 18 $|18.00",
            "Stationn. 11,25|11.25",
            "stationn 11|11.00",
            "stationnmt 14,00|14.00",
            "parking 20$|20.00",
            "Parking: $ 25|25.00",
            "parking - 6,50|6.50",
            "stat 0|0.00",
            "stat 12,50.|12.50",
            "stat 20. Accord 440|20.00",
            "(stat 20)|20.00",
            "Accord 442 Hz. 21°, 36%. stat 12,50|12.50",
            "Accord 440 Hz, thermostat de la salle à 20. Stationnement 15,00|15.00",
            "thermostat 20, stat 8|8.00",
            "humidistat 35 %, parking 10|10.00",
            "Accord.\\nStationnement 15,00\\nÀ revoir|15.00",
            "stat 12,50 et encore stat 20|12.50",
    })
    void readsTheFirstParkingAmountOfTheNote(String note, String expected) {
        assertThat(ParkingParser.parse(note.replace("\\n", "\n"))).contains(new BigDecimal(expected));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "thermostat 20",
            "Thermostat à 20",
            "thermostat 20,5",
            "humidistat 35",
            "Humidistat 40,0 %",
            "statut 2",
            "station 12",
            "piano stationnaire 20",
            "stationnement payé par le client",
            "pas de parking",
            "stat",
            "stat 12,505",
            "Accord 442 Hz. 21°, 36%.",
            "20 $ de stationnement",
            "xstat 20",
            "2stat 20",
    })
    void findsNoParking(String note) {
        assertThat(ParkingParser.parse(note)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n"})
    void blankNotesHaveNoParking(String note) {
        assertThat(ParkingParser.parse(note)).isEmpty();
    }

    @Test
    void amountsAlwaysHaveTwoDecimals() {
        assertThat(ParkingParser.parse("stat 20").orElseThrow().scale()).isEqualTo(2);
        assertThat(ParkingParser.parse("stat 12,5").orElseThrow()).isEqualByComparingTo("12.50").hasToString("12.50");
    }
}
