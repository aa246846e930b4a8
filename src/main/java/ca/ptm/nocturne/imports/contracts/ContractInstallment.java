package ca.ptm.nocturne.imports.contracts;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One instalment of a contract, before taxes. */
public record ContractInstallment(long contractId, int seq, LocalDate dueOn, BigDecimal amountBeforeTax, LocalDate paidOn,
                                  String invoiceExternalId) {
}
