package ca.ptm.nocturne.reports.contracts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Money that adds up: a total shared into instalments, and a contract's taxes shared over its instalments. Each
 * share is rounded to the cent except the last, which takes the remainder, so the parts always add up to the whole
 * (three instalments of a third each, rounded one by one, would be 1 ¢ short).
 */
public final class Instalments {

    private Instalments() {
    }

    /** {@code total} in {@code count} equal shares to the cent; the last share takes the rounding remainder. */
    public static List<BigDecimal> split(BigDecimal total, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        BigDecimal whole = total.setScale(2, RoundingMode.HALF_UP);
        BigDecimal share = whole.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
        List<BigDecimal> shares = new ArrayList<>(count);
        BigDecimal given = BigDecimal.ZERO;
        for (int i = 0; i < count - 1; i++) {
            shares.add(share);
            given = given.add(share);
        }
        shares.add(whole.subtract(given));
        return shares;
    }

    /**
     * The taxes of each instalment. When the instalments add up to the contract's subtotal, each instalment's TPS and
     * TVQ are rounded on their own except the last's, which is the contract's tax minus the others: the instalments'
     * totals then add up to the contract's total to the cent. Otherwise (the report warns of the mismatch) each
     * instalment is taxed on its own.
     */
    public static List<Taxes> taxes(Taxes contract, List<BigDecimal> amounts) {
        List<Taxes> own = amounts.stream().map(Taxes::on).toList();
        BigDecimal sum = own.stream().map(Taxes::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (own.isEmpty() || sum.compareTo(contract.amount()) != 0) {
            return own;
        }
        List<Taxes> shared = new ArrayList<>(own.subList(0, own.size() - 1));
        BigDecimal tps = contract.tps();
        BigDecimal tvq = contract.tvq();
        for (Taxes taxes : shared) {
            tps = tps.subtract(taxes.tps());
            tvq = tvq.subtract(taxes.tvq());
        }
        BigDecimal last = own.get(own.size() - 1).amount();
        shared.add(new Taxes(last, tps, tvq, last.add(tps).add(tvq)));
        return shared;
    }
}
