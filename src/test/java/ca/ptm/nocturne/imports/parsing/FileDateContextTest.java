package ca.ptm.nocturne.imports.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileDateContextTest {

    private static final FileDateContext SEASON_2025_2026 =
            FileDateContext.of(List.of(LocalDate.of(2025, 9, 1), LocalDate.of(2026, 6, 30), LocalDate.of(2025, 12, 24)));

    @Test
    void ofKeepsTheBoundsAndIgnoresNulls() {
        FileDateContext context = FileDateContext.of(
                Arrays.asList(LocalDate.of(2025, 12, 24), null, LocalDate.of(2025, 9, 1), LocalDate.of(2026, 6, 30)));
        assertThat(context).isEqualTo(new FileDateContext(LocalDate.of(2025, 9, 1), LocalDate.of(2026, 6, 30)));
        assertThat(context.isEmpty()).isFalse();
    }

    @Test
    void emptyContexts() {
        assertThat(FileDateContext.of(List.of())).isEqualTo(FileDateContext.empty());
        assertThat(FileDateContext.of(null).isEmpty()).isTrue();
        assertThat(FileDateContext.of(Arrays.asList((LocalDate) null)).isEmpty()).isTrue();
        assertThat(FileDateContext.empty().uniqueDateFor(MonthDay.of(12, 5))).isNull();
    }

    @Test
    void includingWidensRowByRow() {
        FileDateContext context = FileDateContext.empty()
                .including(LocalDate.of(2025, 10, 1))
                .including(null)
                .including(LocalDate.of(2025, 9, 1))
                .including(LocalDate.of(2025, 9, 15));
        assertThat(context).isEqualTo(new FileDateContext(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 10, 1)));
    }

    @Test
    void boundsMustBeConsistent() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FileDateContext(LocalDate.of(2025, 1, 1), null));
        assertThatIllegalArgumentException().isThrownBy(() -> new FileDateContext(null, LocalDate.of(2025, 1, 1)));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new FileDateContext(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 1, 1)));
    }

    @ParameterizedTest
    @CsvSource({
        "12, 5, 2025-12-05",
        "7, 15, 2026-07-15",
        "8, 15, 2025-08-15",
        "8, 1, 2025-08-01",
        "7, 31, 2026-07-31",
        "2, 28, 2026-02-28",
    })
    void uniqueDateWithinTheSpanPlusAMonth(int month, int day, LocalDate expected) {
        assertThat(SEASON_2025_2026.uniqueDateFor(MonthDay.of(month, day))).isEqualTo(expected);
    }

    @Test
    void noDateWhenNothingFitsOrSeveralFit() {
        FileDateContext october = new FileDateContext(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 31));
        assertThat(october.uniqueDateFor(MonthDay.of(4, 1))).isNull();
        assertThat(october.uniqueDateFor(MonthDay.of(2, 29))).isNull();
        FileDateContext twoYears = new FileDateContext(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31));
        assertThat(twoYears.uniqueDateFor(MonthDay.of(12, 5))).isNull();
    }

    @Test
    void leapDayOnlyInALeapYear() {
        FileDateContext winter2028 = new FileDateContext(LocalDate.of(2028, 1, 10), LocalDate.of(2028, 3, 10));
        assertThat(winter2028.uniqueDateFor(MonthDay.of(2, 29))).isEqualTo(LocalDate.of(2028, 2, 29));
    }
}
