package ca.ptm.nocturne.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertScanTest {

    static final LocalDate FROM = LocalDate.of(2025, 11, 1);
    final AlertScan scan = new AlertScan(null, new AlertProperties(null, null, 0));

    @Test
    void humidityOutsideTheDefaultBandIsAnAlertTheBoundsAreNot() {
        List<AlertScan.Alert> alerts = scan.alerts(List.of(
                AlertScan.entry("tme_1", "ins_1", FROM.plusDays(1), false, "", new BigDecimal("35"), false),
                AlertScan.entry("tme_2", "ins_2", FROM.plusDays(1), false, "", new BigDecimal("55"), false),
                AlertScan.entry("tme_3", "ins_3", FROM.plusDays(1), false, "", new BigDecimal("34.9"), false),
                AlertScan.entry("tme_4", "ins_4", FROM.plusDays(1), false, "", new BigDecimal("61"), false)), FROM);

        assertThat(alerts).extracting(a -> a.entry().id() + " " + a.kind()).containsExactly("tme_3 HUMIDITE", "tme_4 HUMIDITE");
        assertThat(alerts.get(1).description()).isEqualTo("Humidité 61 % hors de la plage 35 à 55 %");
    }

    @Test
    void aPlsPianoOutOfBandAtTwoVisitsInARowIsItsOwnKind() {
        List<AlertScan.Alert> alerts = scan.alerts(List.of(
                // the previous visit may be before the window
                AlertScan.entry("tme_1", "ins_1", FROM.minusDays(20), true, "Accord, 31 %", new BigDecimal("31"), true),
                AlertScan.entry("tme_2", "ins_1", FROM.plusDays(3), true, "Accord, 30 %", new BigDecimal("30"), true),
                // not PLS: no contradiction
                AlertScan.entry("tme_3", "ins_2", FROM.plusDays(1), false, "", new BigDecimal("30"), false),
                AlertScan.entry("tme_4", "ins_2", FROM.plusDays(2), false, "", new BigDecimal("30"), false),
                // PLS, but back in band in between
                AlertScan.entry("tme_5", "ins_3", FROM.plusDays(1), false, "", new BigDecimal("30"), true),
                AlertScan.entry("tme_6", "ins_3", FROM.plusDays(2), false, "", new BigDecimal("45"), true),
                AlertScan.entry("tme_7", "ins_3", FROM.plusDays(3), false, "", new BigDecimal("30"), true)), FROM);

        assertThat(alerts).extracting(a -> a.entry().id() + " " + a.kind()).containsExactly(
                "tme_2 HUMIDITE", "tme_2 PLS", "tme_3 HUMIDITE", "tme_4 HUMIDITE", "tme_5 HUMIDITE", "tme_7 HUMIDITE");
        assertThat(alerts.get(1).description()).isEqualTo("PLS installé, mais humidité hors de la plage 35 à 55 % à deux "
                + "visites de suite : 31 % le 12 octobre 2025, puis 30 % le 4 novembre 2025");
    }

    @Test
    void keywordsOnlyInServiceNotesAndOnlyInTheWindow() {
        List<AlertScan.Alert> alerts = scan.alerts(List.of(
                AlertScan.entry("tme_1", "ins_1", FROM.minusDays(1), true, "Sans housse", null, false),
                AlertScan.entry("tme_2", "ins_1", FROM, true, "Sans housse, réservoir vide", null, false),
                AlertScan.entry("tme_3", "ins_1", FROM, false, "Sans housse", null, false)), FROM);

        assertThat(alerts).extracting(a -> a.entry().id() + " " + a.kind()).containsExactly("tme_2 HOUSSE", "tme_2 RESERVOIR");
        assertThat(alerts.get(0).description()).isEqualTo("Sans housse, réservoir vide");
    }

    @Test
    void theBandIsConfigurable() {
        AlertScan narrow = new AlertScan(null, new AlertProperties(new BigDecimal("40"), new BigDecimal("50"), 30));
        assertThat(narrow.alerts(List.of(AlertScan.entry("tme_1", "ins_1", FROM, false, "", new BigDecimal("38"), false)), FROM))
                .extracting(AlertScan.Alert::description).containsExactly("Humidité 38 % hors de la plage 40 à 50 %");
    }
}
