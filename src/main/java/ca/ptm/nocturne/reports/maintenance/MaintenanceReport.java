package ca.ptm.nocturne.reports.maintenance;

import static ca.ptm.nocturne.reports.format.FrenchFormat.date;
import static ca.ptm.nocturne.reports.format.FrenchFormat.number;

import ca.ptm.nocturne.reports.ReportKind;
import ca.ptm.nocturne.reports.format.FrenchFormat;
import ca.ptm.nocturne.reports.format.Messages;
import ca.ptm.nocturne.reports.model.Column;
import ca.ptm.nocturne.reports.model.ReportBuilder;
import ca.ptm.nocturne.reports.model.ReportContext;
import ca.ptm.nocturne.reports.model.ReportDocument;
import ca.ptm.nocturne.reports.model.StreamedRows;
import ca.ptm.nocturne.reports.model.Tally;
import ca.ptm.nocturne.reports.model.Total;
import java.time.LocalDate;
import java.util.List;

/**
 * Entretien: the maintenance log of the institutions over the days before the run date (the run date itself is
 * excluded: the nightly run happens before the day's notes are complete). Per institution, newest first, with the
 * humidity chart. The log is the big report (hundreds of thousands of rows in a busy month): its rows are streamed
 * from the database, counted and charted as they go by, never held.
 */
public class MaintenanceReport implements ReportBuilder {

    static final List<Column<MaintenanceRow>> COLUMNS = List.of(
            Column.of("date", "col.date", r -> date(r.date())),
            Column.of("local", "col.local", MaintenanceRow::local),
            Column.of("piano", "col.piano", MaintenanceRow::piano),
            Column.of("technician", "col.technician", MaintenanceRow::technician),
            Column.of("kind", "col.entryType", r -> Messages.get(r.isAlert() ? "entretien.type.alert"
                    : r.service() ? "entretien.type.service" : "entretien.type.measure")),
            Column.of("description", "col.description", MaintenanceRow::description),
            Column.of("temperature", "col.temperature", r -> number(r.temperature())),
            Column.of("humidity", "col.humidity", r -> number(r.humidity())),
            Column.of("pitch", "col.pitch", r -> number(r.pitch())),
            Column.of("alert", "col.alert", r -> r.isAlert() ? Messages.get("entretien.alert", r.alert(),
                    FrenchFormat.yesNo(r.alertResolved())) : ""));

    private final MaintenanceQuery query;
    private final int days;
    private final double bandMin;
    private final double bandMax;

    public MaintenanceReport(MaintenanceQuery query, int days) {
        this(query, days, 35, 55);
    }

    /** @param bandMin @param bandMax the humidity band of the alerts, drawn on the chart */
    public MaintenanceReport(MaintenanceQuery query, int days, double bandMin, double bandMax) {
        this.query = query;
        this.days = days;
        this.bandMin = bandMin;
        this.bandMax = bandMax;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.ENTRETIEN;
    }

    @Override
    public ReportDocument<MaintenanceRow> build(ReportContext context) {
        LocalDate from = context.runDate().minusDays(days);
        LocalDate to = context.runDate().minusDays(1);
        return new ReportDocument<>(kind(), kind().template() + "-" + context.runDate(), Messages.get("entretien.title"),
                Messages.get("report.period.range", date(from), date(to)), "col.institution", COLUMNS, MaintenanceRow::openAlert,
                () -> new StreamedRows<>(query.entries(from, to), MaintenanceRow::institution, Counts::new,
                        new HumidityChart(bandMin, bandMax)));
    }

    /** Services and measurements of a section or of the whole log. */
    static final class Counts implements Tally<MaintenanceRow> {

        private long services;
        private long measures;
        private long openAlerts;

        @Override
        public void add(MaintenanceRow row) {
            if (row.openAlert()) {
                openAlerts++;
            }
            if (row.service()) {
                services++;
            }
            if (row.measured()) {
                measures++;
            }
        }

        @Override
        public List<Total> totals() {
            return List.of(new Total(Messages.get("entretien.total.services"), number(services)),
                    new Total(Messages.get("entretien.total.measures"), number(measures)),
                    new Total(Messages.get("entretien.total.openAlerts"), number(openAlerts)));
        }
    }
}
