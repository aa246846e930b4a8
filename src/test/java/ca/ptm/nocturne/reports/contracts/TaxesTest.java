package ca.ptm.nocturne.reports.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TaxesTest {

    @Test
    void domainExampleInstalment() {
        Taxes taxes = Taxes.on(new BigDecimal("4949.00"));

        assertThat(taxes.tps()).isEqualByComparingTo("247.45");
        assertThat(taxes.tvq()).isEqualByComparingTo("493.66");
        assertThat(taxes.total()).isEqualByComparingTo("5690.11");
    }

    @Test
    void eachTaxIsRoundedHalfUpOnItsOwn() {
        // 0.10 × 9.975 % = 0.009975 → 0.01; 0.30 × 5 % = 0.015 → 0.02 (half-up, not banker's 0.02/0.01)
        assertThat(Taxes.on(new BigDecimal("0.10")).tvq()).isEqualByComparingTo("0.01");
        assertThat(Taxes.on(new BigDecimal("0.30")).tps()).isEqualByComparingTo("0.02");
        assertThat(Taxes.on(new BigDecimal("0.50")).tps()).isEqualByComparingTo("0.03");
    }

    @Test
    void the2025AcademyContractAddsUpToThreeInstalmentsOf4949() {
        Contract contract = new Contract(1, "Académie d'été", 2025, LocalDate.of(2025, 6, 12), LocalDate.of(2025, 8, 15),
                "signed", new BigDecimal("630.00"), new BigDecimal("25"), new BigDecimal("24.5"), BigDecimal.ZERO,
                new BigDecimal("175.00"), 0, new BigDecimal("173.95"), 10, new BigDecimal("2327.50"));

        assertThat(contract.subtotal()).isEqualByComparingTo("14847.00");
        assertThat(contract.subtotal()).isEqualByComparingTo(new BigDecimal("4949.00").multiply(BigDecimal.valueOf(3)));
        assertThat(contract.taxes().tps()).isEqualByComparingTo("742.35");
        assertThat(contract.taxes().tvq()).isEqualByComparingTo("1480.99");
    }

    @Test
    void preparationDaysListedSeparatelyAreBilledAtTheDayRate() {
        Contract contract = new Contract(2, "Académie d'été", 2026, null, null, "signed", new BigDecimal("640.00"),
                new BigDecimal("25"), new BigDecimal("23.5"), new BigDecimal("8"), new BigDecimal("175.00"), 4,
                new BigDecimal("180.00"), 9, new BigDecimal("2350.00"));

        assertThat(contract.subtotal()).isEqualByComparingTo("20130.00");
    }
}
