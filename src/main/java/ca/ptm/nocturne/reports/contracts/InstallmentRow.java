package ca.ptm.nocturne.reports.contracts;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One instalment of a contract, or the single placeholder row of a contract without instalments (seq null), so
 * that every contract shows in the report.
 */
public record InstallmentRow(Contract contract, Integer seq, LocalDate dueOn, BigDecimal amount, LocalDate paidOn) {

    public boolean placeholder() {
        return seq == null;
    }

    public boolean paid() {
        return paidOn != null;
    }

    public Taxes taxes() {
        return Taxes.on(amount == null ? BigDecimal.ZERO : amount);
    }
}
