package ca.ptm.nocturne.reports.contracts;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * TPS 5 % and TVQ 9.975 %, each computed on the pre-tax amount and rounded half-up to the cent on its own
 * (DOMAIN "Contracts"): 4 949,00 $ gives TPS 247,45 $, TVQ 493,66 $, total 5 690,11 $.
 */
public record Taxes(BigDecimal amount, BigDecimal tps, BigDecimal tvq, BigDecimal total) {

    public static final BigDecimal TPS_RATE = new BigDecimal("0.05");
    public static final BigDecimal TVQ_RATE = new BigDecimal("0.09975");

    public static Taxes on(BigDecimal amount) {
        BigDecimal base = amount.setScale(2, RoundingMode.HALF_UP);
        BigDecimal tps = base.multiply(TPS_RATE).setScale(2, RoundingMode.HALF_UP);
        BigDecimal tvq = base.multiply(TVQ_RATE).setScale(2, RoundingMode.HALF_UP);
        return new Taxes(base, tps, tvq, base.add(tps).add(tvq));
    }
}
