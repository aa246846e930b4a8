package ca.ptm.nocturne.reports.maintenance;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One service note or measurement of an institutional piano. {@code measured} = it carries at least one reading. */
public record MaintenanceRow(String institution, LocalDate date, String local, String piano, String technician,
                             boolean service, String description, BigDecimal temperature, BigDecimal humidity,
                             BigDecimal pitch) {

    public boolean measured() {
        return temperature != null || humidity != null || pitch != null;
    }
}
