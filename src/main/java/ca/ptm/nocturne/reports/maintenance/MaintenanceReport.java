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
import ca.ptm.nocturne.reports.model.Section;
import ca.ptm.nocturne.reports.model.Total;
import java.io.ByteArrayInputStream;
import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Entretien: the maintenance log of the institutions over the days before the run date (the run date itself is
 * excluded: the nightly run happens before the day's notes are complete). Newest first, with the humidity chart.
 */
public class MaintenanceReport implements ReportBuilder {

    static final List<Column<MaintenanceRow>> COLUMNS = List.of(
            Column.of("date", "col.date", r -> date(r.date())),
            Column.of("local", "col.local", MaintenanceRow::local),
            Column.of("piano", "col.piano", MaintenanceRow::piano),
            Column.of("technician", "col.technician", MaintenanceRow::technician),
            Column.of("kind", "col.entryType", r -> Messages.get(r.service() ? "entretien.type.service" : "entretien.type.measure")),
            Column.of("description", "col.description", MaintenanceRow::description),
            Column.of("temperature", "col.temperature", r -> number(r.temperature())),
            Column.of("humidity", "col.humidity", r -> number(r.humidity())),
            Column.of("pitch", "col.pitch", r -> number(r.pitch())));

    private final MaintenanceQuery query;
    private final int days;

    public MaintenanceReport(MaintenanceQuery query, int days) {
        this.query = query;
        this.days = days;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.ENTRETIEN;
    }

    @Override
    public ReportDocument<MaintenanceRow> build(ReportContext context) {
        LocalDate from = context.runDate().minusDays(days);
        LocalDate to = context.runDate().minusDays(1);
        List<MaintenanceRow> rows = query.entries(from, to);
        Map<String, List<MaintenanceRow>> byInstitution = new TreeMap<>(Collator.getInstance(FrenchFormat.LOCALE));
        rows.forEach(r -> byInstitution.computeIfAbsent(r.institution(), k -> new ArrayList<>()).add(r));
        List<Section<MaintenanceRow>> sections = new ArrayList<>();
        byInstitution.forEach((institution, list) -> sections.add(new Section<>(institution, list, totals(list))));
        Map<String, Object> images = new HashMap<>();
        byte[] chart = HumidityChart.png(rows);
        if (chart != null) {
            images.put("CHART", new ByteArrayInputStream(chart));
        }
        return new ReportDocument<>(kind(), kind().template() + "-" + context.runDate(), Messages.get("entretien.title"),
                Messages.get("report.period.range", date(from), date(to)), "col.institution", COLUMNS, r -> false,
                sections, sections.size() > 1 ? totals(rows) : List.of(), images);
    }

    static List<Total> totals(List<MaintenanceRow> rows) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(Messages.get("entretien.total.services"), rows.stream().filter(MaintenanceRow::service).count());
        counts.put(Messages.get("entretien.total.measures"), rows.stream().filter(MaintenanceRow::measured).count());
        List<Total> totals = new ArrayList<>();
        counts.forEach((label, count) -> totals.add(new Total(label, number(count))));
        return totals;
    }
}
