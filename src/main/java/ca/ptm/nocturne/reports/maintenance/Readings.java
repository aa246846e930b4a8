package ca.ptm.nocturne.reports.maintenance;

import ca.ptm.nocturne.gazelle.mapping.MeasurementExtractor;
import ca.ptm.nocturne.gazelle.mapping.MeasurementExtractor.Measurements;
import java.math.BigDecimal;

/**
 * The readings an Entretien row prints: the ones the sync stored on the entry, and for each one it did not store
 * (entries written before the columns existed, a description completed by hand later) the one the note's own text
 * holds ("Accord 442 Hz. 21°, 36%"), read by the sync's {@link MeasurementExtractor} so both agree.
 */
record Readings(BigDecimal temperature, BigDecimal humidity, BigDecimal pitch) {

    static Readings of(BigDecimal storedTemperature, BigDecimal storedHumidity, BigDecimal storedPitch, String... texts) {
        if (storedTemperature != null && storedHumidity != null && storedPitch != null) {
            return new Readings(storedTemperature, storedHumidity, storedPitch);
        }
        StringBuilder text = new StringBuilder();
        for (String part : texts) {
            if (part != null && !part.isBlank()) {
                text.append(part).append('\n');
            }
        }
        Measurements read = MeasurementExtractor.extract(text.toString());
        return new Readings(storedTemperature != null ? storedTemperature : read.temperatureC(),
                storedHumidity != null ? storedHumidity : read.humidityPct(),
                storedPitch != null ? storedPitch : read.pitchHz());
    }
}
