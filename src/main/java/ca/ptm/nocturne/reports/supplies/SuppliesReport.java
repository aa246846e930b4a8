package ca.ptm.nocturne.reports.supplies;

import static ca.ptm.nocturne.reports.format.FrenchFormat.date;
import static ca.ptm.nocturne.reports.format.FrenchFormat.money;
import static ca.ptm.nocturne.reports.format.FrenchFormat.number;

import ca.ptm.nocturne.reports.ReportKind;
import ca.ptm.nocturne.reports.format.FrenchFormat;
import ca.ptm.nocturne.reports.format.Messages;
import ca.ptm.nocturne.reports.model.Column;
import ca.ptm.nocturne.reports.model.ListedRows;
import ca.ptm.nocturne.reports.model.ReportBuilder;
import ca.ptm.nocturne.reports.model.ReportContext;
import ca.ptm.nocturne.reports.model.ReportDocument;
import ca.ptm.nocturne.reports.model.Section;
import ca.ptm.nocturne.reports.model.Total;
import ca.ptm.nocturne.shared.time.BusinessTime;
import java.math.BigDecimal;
import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Inventaire des fournitures: per technician, by place, lines under their threshold first (what to reorder), then
 * by category and product. Totals per technician: stock lines and stock value at unit price.
 */
public class SuppliesReport implements ReportBuilder {

    /** Movements counted over this many days before the run date. */
    public static final int MOVEMENT_DAYS = 30;
    public static final String UNDER_MARK = "⚠ ";

    static final List<Column<StockRow>> COLUMNS = List.of(
            Column.of("location", "col.location", StockRow::location),
            Column.of("code", "col.code", StockRow::code),
            Column.of("product", "col.product", StockRow::product),
            Column.of("category", "col.category", StockRow::category),
            Column.of("quantity", "col.quantity", r -> number(r.quantity())),
            Column.of("threshold", "col.threshold", r -> number(r.threshold())),
            Column.of("state", "col.state", r -> r.underThreshold() ? UNDER_MARK + Messages.get("fournitures.under") : ""),
            Column.of("lastChecked", "col.lastChecked", r -> date(r.lastChecked())),
            Column.of("movements", "col.movements", r -> number(r.movements())),
            Column.of("delta", "col.delta", r -> r.movements() == 0 ? "" : signed(r.movementDelta())),
            Column.of("unitPrice", "col.unitPrice", r -> money(r.unitPrice())),
            Column.of("value", "col.value", r -> r.unitPrice() == null ? "" : money(r.value())));

    private final SuppliesQuery query;

    public SuppliesReport(SuppliesQuery query) {
        this.query = query;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.FOURNITURES;
    }

    @Override
    public ReportDocument<StockRow> build(ReportContext context) {
        LocalDate from = context.runDate().minusDays(MOVEMENT_DAYS);
        LocalDate to = context.runDate().minusDays(1);
        Collator collator = Collator.getInstance(FrenchFormat.LOCALE);
        Comparator<String> text = Comparator.nullsLast(collator::compare);
        Comparator<StockRow> order = Comparator.comparing(StockRow::location, text)
                .thenComparing(r -> !r.underThreshold())
                .thenComparing(StockRow::category, text)
                .thenComparing(StockRow::product, text);
        Map<String, List<StockRow>> byTechnician = new TreeMap<>(collator);
        List<StockRow> all = query.stock(from, to, BusinessTime.ZONE);
        all.forEach(r -> byTechnician.computeIfAbsent(r.technician(), k -> new ArrayList<>()).add(r));
        List<Section<StockRow>> sections = new ArrayList<>();
        byTechnician.forEach((technician, rows) -> {
            rows.sort(order);
            sections.add(new Section<>(technician, rows, totals(rows)));
        });
        return new ReportDocument<>(kind(), kind().template() + "-" + context.runDate(), Messages.get("fournitures.title"),
                Messages.get("fournitures.period", date(context.runDate()), date(from), date(to)), "col.technician",
                COLUMNS, StockRow::underThreshold,
                ListedRows.of(sections, sections.size() > 1 ? totals(all) : List.of()));
    }

    static List<Total> totals(List<StockRow> rows) {
        BigDecimal value = rows.stream().map(StockRow::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        return List.of(
                new Total(Messages.get("fournitures.total.items"), number(rows.size())),
                new Total(Messages.get("fournitures.total.under"), number(rows.stream().filter(StockRow::underThreshold).count())),
                new Total(Messages.get("fournitures.total.value"), money(value)));
    }

    /** "10", "−2" (U+2212): no leading '+', which a spreadsheet would read as a formula. */
    private static String signed(BigDecimal delta) {
        return number(delta);
    }
}
