package ca.ptm.nocturne.maintenance;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The maintenance alert scan: the humidity band a piano should stay in (35 to 55 % by default) and how many days
 * before the run date the scan looks at (the report's 30 days); a re-run finds the same alerts and adds none.
 */
@ConfigurationProperties("nocturne.alerts")
public record AlertProperties(BigDecimal humidityMin, BigDecimal humidityMax, int days) {

    public AlertProperties {
        humidityMin = humidityMin == null ? BigDecimal.valueOf(35) : humidityMin;
        humidityMax = humidityMax == null ? BigDecimal.valueOf(55) : humidityMax;
        days = days <= 0 ? 30 : days;
        if (humidityMin.compareTo(humidityMax) >= 0) {
            throw new IllegalArgumentException("nocturne.alerts.humidity-min (" + humidityMin
                    + ") must be below nocturne.alerts.humidity-max (" + humidityMax + ")");
        }
    }

    public boolean outOfBand(BigDecimal humidity) {
        return humidity != null && (humidity.compareTo(humidityMin) < 0 || humidity.compareTo(humidityMax) > 0);
    }
}
