package ca.ptm.nocturne.reports.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The chart is fed row by row and drawn once; without a humidity reading there is no chart at all. */
class HumidityChartTest {

    static MaintenanceRow row(String institution, int day, String humidity) {
        return new MaintenanceRow(institution, LocalDate.of(2026, 11, day), "TM", "Steinway D", "Nicolas", humidity == null,
                "Accord", null, humidity == null ? null : new BigDecimal(humidity), null);
    }

    @Test
    void noHumidityReadingNoChartField() {
        HumidityChart chart = new HumidityChart();
        chart.add(row("Place des Arts", 20, null));

        assertThat(chart.fields()).isEmpty();
    }

    @Test
    void readingsGiveOnePngAtTwiceThePrintedSize() throws Exception {
        HumidityChart chart = new HumidityChart();
        chart.add(row("Place des Arts", 20, "36"));
        chart.add(row("Place des Arts", 20, "40"));
        chart.add(row("École de musique", 10, "41.5"));
        chart.add(row("École de musique", 11, null));

        Object png = chart.fields().get(HumidityChart.FIELD);
        assertThat(png).isInstanceOf(byte[].class);
        assertThat(chart.fields().get(HumidityChart.FIELD)).as("drawn once").isSameAs(png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream((byte[]) png));
        assertThat(image.getWidth()).isEqualTo(HumidityChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(HumidityChart.HEIGHT);
    }
}
