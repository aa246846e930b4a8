package ca.ptm.nocturne.reports.pda;

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
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Facturation Place des Arts: every request of the month (see {@link BillingMonth}), with the billing totals. */
public class PdaBillingReport implements ReportBuilder {

    static final List<Column<PdaRow>> COLUMNS = List.of(
            Column.of("date", "col.appointmentDate", r -> date(r.date())),
            Column.of("time", "col.time", PdaRow::time),
            Column.of("hall", "col.hall", PdaRow::hall),
            Column.of("forWho", "col.forWho", PdaRow::forWho),
            Column.of("piano", "col.piano", PdaRow::piano),
            Column.of("diapason", "col.diapason", r -> r.diapason() == null ? "" : r.diapason().toString()),
            Column.of("requester", "col.requester", PdaRow::requester),
            Column.of("technician", "col.technicianInitials", PdaRow::technician),
            Column.of("status", "col.status", PdaRow::statusText),
            Column.of("billing", "col.billing", r -> money(r.billing())),
            Column.of("parking", "col.parking", r -> money(r.parking())),
            Column.of("total", "col.total", r -> money(r.total())),
            Column.of("appointment", "col.appointment", PdaRow::appointment),
            Column.of("appointmentId", "col.appointmentId", PdaRow::appointmentId),
            Column.of("serviceNote", "col.serviceNote", PdaRow::serviceNote));

    private final PdaBillingQuery query;

    public PdaBillingReport(PdaBillingQuery query) {
        this.query = query;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.FACTURATION_PDA;
    }

    @Override
    public ReportDocument<PdaRow> build(ReportContext context) {
        YearMonth month = BillingMonth.of(context.runDate());
        List<PdaRow> rows = query.requests(month);
        List<Section<PdaRow>> sections = rows.isEmpty() ? List.of()
                : List.of(new Section<>(FrenchFormat.month(month), rows, List.of()));
        return new ReportDocument<>(kind(), kind().template() + "-" + month, Messages.get("pda.title"),
                Messages.get("pda.period", FrenchFormat.month(month)), null, COLUMNS, PdaRow::toBill,
                ListedRows.of(sections, rows.isEmpty() ? List.of() : totals(rows)));
    }

    static List<Total> totals(List<PdaRow> rows) {
        List<Total> totals = new ArrayList<>();
        totals.add(new Total(Messages.get("pda.total.billing"), money(sum(rows, PdaRow::billing))));
        totals.add(new Total(Messages.get("pda.total.parking"), money(sum(rows, r -> PdaBillingQuery.orZero(r.parking())))));
        totals.add(new Total(Messages.get("pda.total.grand"), money(sum(rows, PdaRow::total))));
        for (PdaStatus status : PdaStatus.values()) {
            long count = rows.stream().filter(r -> r.status() == status).count();
            totals.add(new Total(Messages.get("pda.total.status", status.label()), number(count)));
        }
        List<PdaRow> toBill = rows.stream().filter(PdaRow::toBill).toList();
        totals.add(new Total(Messages.get("pda.total.toBill", number(toBill.size())), money(sum(toBill, PdaRow::total))));
        return totals;
    }

    private static BigDecimal sum(List<PdaRow> rows, Function<PdaRow, BigDecimal> amount) {
        return rows.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
