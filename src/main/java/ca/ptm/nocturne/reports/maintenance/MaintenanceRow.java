package ca.ptm.nocturne.reports.maintenance;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One service note, measurement or maintenance alert of an institutional piano. {@code measured} = it carries at least
 * one reading. An alert row has its kind's label in {@code alert} and whether someone resolved it.
 */
public record MaintenanceRow(String institution, LocalDate date, String local, String piano, String technician,
                             boolean service, String description, BigDecimal temperature, BigDecimal humidity,
                             BigDecimal pitch, String alert, boolean alertResolved) {

    public MaintenanceRow(String institution, LocalDate date, String local, String piano, String technician,
                          boolean service, String description, BigDecimal temperature, BigDecimal humidity, BigDecimal pitch) {
        this(institution, date, local, piano, technician, service, description, temperature, humidity, pitch, null, false);
    }

    public boolean isAlert() {
        return alert != null;
    }

    public boolean openAlert() {
        return alert != null && !alertResolved;
    }

    public boolean measured() {
        return temperature != null || humidity != null || pitch != null;
    }
}
