package ca.ptm.nocturne.reports.inventory;

import static ca.ptm.nocturne.reports.format.FrenchFormat.date;
import static ca.ptm.nocturne.reports.format.FrenchFormat.number;

import ca.ptm.nocturne.reports.ReportKind;
import ca.ptm.nocturne.reports.format.FrenchFormat;
import ca.ptm.nocturne.reports.format.Messages;
import ca.ptm.nocturne.reports.format.NaturalOrder;
import ca.ptm.nocturne.reports.model.Column;
import ca.ptm.nocturne.reports.model.ListedRows;
import ca.ptm.nocturne.reports.model.ReportBuilder;
import ca.ptm.nocturne.reports.model.ReportContext;
import ca.ptm.nocturne.reports.model.ReportDocument;
import ca.ptm.nocturne.reports.model.Section;
import ca.ptm.nocturne.reports.model.Total;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Inventaire des pianos: one section per institution, active pianos by local then make, inactive ones last. */
public class PianoInventoryReport implements ReportBuilder {

    /** Marker of an overdue piano: the row is also bold and red, but colour is never the only sign. */
    public static final String OVERDUE_MARK = "⚠ ";

    static final List<Column<PianoRow>> COLUMNS = List.of(
            Column.of("local", "col.local", PianoRow::local),
            Column.of("make", "col.make", PianoRow::make),
            Column.of("model", "col.model", PianoRow::model),
            Column.of("serial", "col.serial", PianoRow::serial),
            Column.of("type", "col.type", PianoRow::type),
            Column.of("year", "col.year", r -> r.year() == null ? "" : r.year().toString()),
            Column.of("status", "col.status", PianoRow::status),
            Column.of("pls", "col.pls", r -> FrenchFormat.yesNo(r.pls())),
            Column.of("lastService", "col.lastService", r -> date(r.lastService())),
            Column.of("nextService", "col.nextService", r -> date(r.nextService())),
            Column.of("interval", "col.interval", r -> r.intervalMonths() == null ? "" : r.intervalMonths().toString()),
            Column.of("overdue", "col.overdue", r -> r.overdue() ? OVERDUE_MARK + number(r.daysOverdue()) : ""),
            Column.of("priority", "col.priority", r -> r.priority() == null ? "" : r.priority()),
            Column.of("todo", "col.todo", PianoRow::todo));

    private final PianoInventoryQuery query;

    public PianoInventoryReport(PianoInventoryQuery query) {
        this.query = query;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.INVENTAIRE;
    }

    @Override
    public ReportDocument<PianoRow> build(ReportContext context) {
        Collator collator = Collator.getInstance(FrenchFormat.LOCALE);
        Map<String, List<PianoRow>> byInstitution = new TreeMap<>(collator);
        for (PianoRow row : query.pianos(context.runDate())) {
            byInstitution.computeIfAbsent(row.institution(), k -> new ArrayList<>()).add(row);
        }
        Comparator<String> text = Comparator.nullsLast(collator::compare);
        Comparator<PianoRow> order = Comparator.comparing((PianoRow r) -> !r.active())
                .thenComparing(PianoRow::local, NaturalOrder.nullsLast())
                .thenComparing(PianoRow::make, text)
                .thenComparing(PianoRow::model, text)
                .thenComparing(PianoRow::serial, text);
        Map<String, PianoInventoryQuery.Leftovers> leftovers = query.leftovers();
        List<Section<PianoRow>> sections = new ArrayList<>();
        List<PianoRow> all = new ArrayList<>();
        byInstitution.forEach((institution, rows) -> {
            rows.sort(order);
            all.addAll(rows);
            sections.add(new Section<>(institution, rows, totals(rows), notes(leftovers.get(institution))));
        });
        return new ReportDocument<>(kind(), kind().template() + "-" + context.runDate(),
                Messages.get("inventaire.title"), Messages.get("inventaire.period", date(context.runDate())),
                "col.institution", COLUMNS, PianoRow::overdue,
                ListedRows.of(sections, sections.size() > 1 ? totals(all) : List.of()));
    }

    /** The fleet overlay's leftovers, ending the institution's section; nothing when it has no inventory file. */
    static List<String> notes(PianoInventoryQuery.Leftovers leftovers) {
        if (leftovers == null) {
            return List.of();
        }
        List<String> notes = new ArrayList<>();
        if (!leftovers.onlyInFile().isEmpty()) {
            notes.add(Messages.get("inventaire.onlyInFile", leftovers.onlyInFile().size(), String.join(" ; ", leftovers.onlyInFile())));
        }
        if (!leftovers.onlyInGazelle().isEmpty()) {
            notes.add(Messages.get("inventaire.onlyInGazelle", leftovers.onlyInGazelle().size(),
                    String.join(" ; ", leftovers.onlyInGazelle())));
        }
        return notes;
    }

    static List<Total> totals(List<PianoRow> rows) {
        return List.of(
                new Total(Messages.get("inventaire.total.pianos"), number(rows.size())),
                new Total(Messages.get("inventaire.total.active"), number(rows.stream().filter(PianoRow::active).count())),
                new Total(Messages.get("inventaire.total.pls"), number(rows.stream().filter(PianoRow::pls).count())),
                new Total(Messages.get("inventaire.total.overdue"), number(rows.stream().filter(PianoRow::overdue).count())));
    }
}
