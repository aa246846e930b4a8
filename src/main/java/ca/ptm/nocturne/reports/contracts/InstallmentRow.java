package ca.ptm.nocturne.reports.contracts;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One instalment of a contract, or the single placeholder row of a contract without instalments (seq null), so
 * that every contract shows in the report. {@code share} is the instalment's part of the contract's taxes
 * ({@link Instalments#taxes}); null means taxed on its own.
 */
public record InstallmentRow(Contract contract, Integer seq, LocalDate dueOn, BigDecimal amount, LocalDate paidOn,
                             Taxes share) {

    public InstallmentRow(Contract contract, Integer seq, LocalDate dueOn, BigDecimal amount, LocalDate paidOn) {
        this(contract, seq, dueOn, amount, paidOn, null);
    }

    InstallmentRow withShare(Taxes taxes) {
        return new InstallmentRow(contract, seq, dueOn, amount, paidOn, taxes);
    }

    public boolean placeholder() {
        return seq == null;
    }

    public boolean paid() {
        return paidOn != null;
    }

    public Taxes taxes() {
        if (share != null) {
            return share;
        }
        return Taxes.on(amount == null ? BigDecimal.ZERO : amount);
    }
}
