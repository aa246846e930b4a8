package ca.ptm.nocturne.reports.format;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.reports.csv.FormulaGuard;
import ca.ptm.nocturne.reports.pda.BillingMonth;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class FrenchFormatTest {

    @Test
    void amountsDatesAndTimesInFrenchCanadian() {
        assertThat(FrenchFormat.money(new BigDecimal("1234.56"))).isEqualTo("1\u00A0234,56\u00A0$");
        assertThat(FrenchFormat.money(new BigDecimal("-2327.5"))).isEqualTo("\u22122\u00A0327,50\u00A0$");
        assertThat(FrenchFormat.date(LocalDate.of(2025, 12, 5))).isEqualTo("5 décembre 2025");
        assertThat(FrenchFormat.time(LocalTime.of(14, 30))).isEqualTo("14 h 30");
        assertThat(FrenchFormat.time(LocalTime.of(9, 5))).isEqualTo("9 h 05");
        assertThat(FrenchFormat.time(LocalTime.of(10, 0))).isEqualTo("10 h");
        assertThat(FrenchFormat.number(new BigDecimal("24.50"))).isEqualTo("24,5");
    }

    @Test
    void formulaGuardPrefixesRiskyCells() {
        assertThat(FormulaGuard.neutralise("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(FormulaGuard.neutralise("+1")).isEqualTo("'+1");
        assertThat(FormulaGuard.neutralise("-1")).isEqualTo("'-1");
        assertThat(FormulaGuard.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(FormulaGuard.neutralise("\tx")).isEqualTo("'\tx");
        assertThat(FormulaGuard.neutralise("Steinway")).isEqualTo("Steinway");
        assertThat(FormulaGuard.neutralise(null)).isEmpty();
    }

    @Test
    void billingMonthIsThePreviousOneDuringTheFirstFiveDays() {
        assertThat(BillingMonth.of(LocalDate.of(2026, 12, 5))).isEqualTo(YearMonth.of(2026, 11));
        assertThat(BillingMonth.of(LocalDate.of(2026, 12, 6))).isEqualTo(YearMonth.of(2026, 12));
        assertThat(BillingMonth.of(LocalDate.of(2027, 1, 1))).isEqualTo(YearMonth.of(2026, 12));
    }

    @Test
    void numbersInTextSortAsNumbers() {
        assertThat(java.util.stream.Stream.of("Local 10", "Local 2", "local 1", "Atelier").sorted(new NaturalOrder()).toList())
                .containsExactly("Atelier", "local 1", "Local 2", "Local 10");
    }
}
