package ca.ptm.nocturne.reports.contracts;

import static ca.ptm.nocturne.reports.format.FrenchFormat.date;
import static ca.ptm.nocturne.reports.format.FrenchFormat.money;
import static ca.ptm.nocturne.reports.format.FrenchFormat.number;

import ca.ptm.nocturne.reports.ReportKind;
import ca.ptm.nocturne.reports.format.Messages;
import ca.ptm.nocturne.reports.model.Column;
import ca.ptm.nocturne.reports.model.ListedRows;
import ca.ptm.nocturne.reports.model.ReportBuilder;
import ca.ptm.nocturne.reports.model.ReportContext;
import ca.ptm.nocturne.reports.model.ReportDocument;
import ca.ptm.nocturne.reports.model.Section;
import ca.ptm.nocturne.reports.model.Total;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Contrats de service: one block per contract (its figures, subtotal and taxes in the block header), its
 * instalments as rows, a warning when they do not add up to the subtotal, and grand totals. Contracts of the
 * previous season on: last season's unpaid instalments are still followed up.
 */
public class ContractsReport implements ReportBuilder {

    private final ContractsQuery query;

    public ContractsReport(ContractsQuery query) {
        this.query = query;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.CONTRATS;
    }

    static List<Column<InstallmentRow>> columns(LocalDate runDate) {
        return List.of(
                Column.of("season", "col.season", r -> String.valueOf(r.contract().season())),
                Column.of("period", "col.contractPeriod", r -> period(r.contract())),
                Column.of("status", "col.status", r -> statusLabel(r.contract().status())),
                Column.of("dayRate", "col.dayRate", r -> money(r.contract().dayRate())),
                Column.of("plannedDays", "col.plannedDays", r -> number(r.contract().plannedDays())),
                Column.of("doneDays", "col.doneDays", r -> number(r.contract().doneDays())),
                Column.of("prepDays", "col.prepDays", r -> number(r.contract().prepDays())),
                Column.of("extraTunings", "col.extraTunings", r -> times(r.contract().extraTunings(), r.contract().extraTuningRate())),
                Column.of("trips", "col.trips", r -> times(r.contract().doneTrips(), r.contract().travelRate())),
                Column.of("discount", "col.discount", r -> money(r.contract().discount())),
                Column.of("subtotal", "col.subtotal", r -> money(r.contract().taxes().amount())),
                Column.of("tps", "col.tps", r -> money(r.contract().taxes().tps())),
                Column.of("tvq", "col.tvq", r -> money(r.contract().taxes().tvq())),
                Column.of("total", "col.total", r -> money(r.contract().taxes().total())),
                Column.of("seq", "col.installment", r -> r.placeholder() ? Messages.get("contrats.noInstallment") : String.valueOf(r.seq())),
                Column.of("dueOn", "col.dueOn", r -> date(r.dueOn())),
                Column.of("amount", "col.amount", r -> r.placeholder() ? "" : money(r.taxes().amount())),
                Column.of("iTps", "col.installmentTps", r -> r.placeholder() ? "" : money(r.taxes().tps())),
                Column.of("iTvq", "col.installmentTvq", r -> r.placeholder() ? "" : money(r.taxes().tvq())),
                Column.of("iTotal", "col.installmentTotal", r -> r.placeholder() ? "" : money(r.taxes().total())),
                Column.of("paidOn", "col.paidOn", r -> paidText(r, runDate)));
    }

    @Override
    public ReportDocument<InstallmentRow> build(ReportContext context) {
        int fromSeason = context.runDate().getYear() - 1;
        List<Section<InstallmentRow>> sections = new ArrayList<>();
        Sums grand = new Sums();
        query.contracts(fromSeason).forEach((contract, rows) -> {
            Sums sums = new Sums();
            rows.stream().filter(r -> !r.placeholder()).forEach(sums::add);
            grand.addContract(contract, sums);
            sections.add(new Section<>(Messages.get("contrats.section", contract.institution(), String.valueOf(contract.season())),
                    rows, List.of(
                            new Total(Messages.get("contrats.total.installments"), money(sums.installments)),
                            new Total(Messages.get("contrats.total.paid"), money(sums.paid)),
                            new Total(Messages.get("contrats.total.unpaid"), money(sums.unpaid))),
                    notes(contract, rows, sums)));
        });
        List<Total> totals = sections.isEmpty() ? List.of() : List.of(
                new Total(Messages.get("col.subtotal"), money(grand.subtotal)),
                new Total(Messages.get("col.tps"), money(grand.tps)),
                new Total(Messages.get("col.tvq"), money(grand.tvq)),
                new Total(Messages.get("col.total"), money(grand.total)),
                new Total(Messages.get("contrats.total.paid"), money(grand.paid)),
                new Total(Messages.get("contrats.total.unpaid"), money(grand.unpaid)));
        Predicate<InstallmentRow> late = r -> isLate(r, context.runDate());
        return new ReportDocument<>(kind(), kind().template() + "-" + context.runDate(), Messages.get("contrats.title"),
                Messages.get("contrats.period", String.valueOf(fromSeason), date(context.runDate())), "col.contract",
                columns(context.runDate()), late, ListedRows.of(sections, totals));
    }

    /** The warning the issue asks for: instalments that do not add up to the subtotal (or no instalment at all). */
    static List<String> notes(Contract contract, List<InstallmentRow> rows, Sums sums) {
        BigDecimal subtotal = contract.taxes().amount();
        if (rows.stream().allMatch(InstallmentRow::placeholder)) {
            return List.of(Messages.get("contrats.warning.none", money(subtotal)));
        }
        if (sums.installments.compareTo(subtotal) != 0) {
            return List.of(Messages.get("contrats.warning.mismatch", money(sums.installments), money(subtotal),
                    money(subtotal.subtract(sums.installments))));
        }
        return List.of();
    }

    static boolean isLate(InstallmentRow row, LocalDate runDate) {
        return !row.placeholder() && !row.paid() && row.dueOn() != null && row.dueOn().isBefore(runDate);
    }

    private static String paidText(InstallmentRow row, LocalDate runDate) {
        if (row.placeholder()) {
            return "";
        }
        if (row.paid()) {
            return date(row.paidOn());
        }
        return isLate(row, runDate) ? "⚠ " + Messages.get("contrats.due") : Messages.get("contrats.due");
    }

    private static String period(Contract contract) {
        if (contract.startsOn() == null && contract.endsOn() == null) {
            return "";
        }
        return Messages.get("report.period.range", date(contract.startsOn()), date(contract.endsOn()));
    }

    private static String times(int count, BigDecimal rate) {
        return count == 0 && rate.signum() == 0 ? "0" : count + " × " + money(rate);
    }

    static String statusLabel(String status) {
        if (status == null) {
            return "";
        }
        switch (status) {
            case "draft":
                return "brouillon";
            case "sent":
                return "envoyé";
            case "signed":
                return "signé";
            case "closed":
                return "fermé";
            default:
                return status;
        }
    }

    /** Running sums: per contract (instalments, paid and unpaid with taxes) and over all contracts. */
    static final class Sums {
        BigDecimal installments = BigDecimal.ZERO;
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal unpaid = BigDecimal.ZERO;
        BigDecimal subtotal = BigDecimal.ZERO;
        BigDecimal tps = BigDecimal.ZERO;
        BigDecimal tvq = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;

        void add(InstallmentRow row) {
            Taxes taxes = row.taxes();
            installments = installments.add(taxes.amount());
            if (row.paid()) {
                paid = paid.add(taxes.total());
            } else {
                unpaid = unpaid.add(taxes.total());
            }
        }

        void addContract(Contract contract, Sums contractSums) {
            Taxes taxes = contract.taxes();
            subtotal = subtotal.add(taxes.amount());
            tps = tps.add(taxes.tps());
            tvq = tvq.add(taxes.tvq());
            total = total.add(taxes.total());
            paid = paid.add(contractSums.paid);
            unpaid = unpaid.add(contractSums.unpaid);
        }
    }
}
