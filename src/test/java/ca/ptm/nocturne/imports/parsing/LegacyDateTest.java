package ca.ptm.nocturne.imports.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.LocalDate;
import java.time.MonthDay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LegacyDateTest {

    @Test
    void fullDate() {
        LegacyDate d = LegacyDate.full(LocalDate.of(2025, 12, 5));
        assertThat(d.hasYear()).isTrue();
        assertThat(d.date()).isEqualTo(LocalDate.of(2025, 12, 5));
        assertThat(d.monthDay()).isNull();
    }

    @Test
    void yearlessDate() {
        LegacyDate d = LegacyDate.yearless(MonthDay.of(12, 5));
        assertThat(d.hasYear()).isFalse();
        assertThat(d.date()).isNull();
        assertThat(d.withYear(2025)).isEqualTo(LocalDate.of(2025, 12, 5));
    }

    @Test
    void exactlyOneComponent() {
        assertThatIllegalArgumentException().isThrownBy(() -> new LegacyDate(null, null));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new LegacyDate(LocalDate.of(2025, 1, 1), MonthDay.of(1, 1)));
    }

    @Test
    void leapDay() {
        LegacyDate d = LegacyDate.yearless(MonthDay.of(2, 29));
        assertThat(d.withYear(2028)).isEqualTo(LocalDate.of(2028, 2, 29));
        ValueParseException e = Rejections.assertRejected(RejectCode.BAD_DATE, () -> d.withYear(2026));
        assertThat(Rejections.plainMessage(e)).isEqualTo("Date invalide : le 29 février n'existe pas en 2026");
    }

    @Test
    void withYearOnAFullDateIsAProgrammingError() {
        assertThatIllegalStateException().isThrownBy(() -> LegacyDate.full(LocalDate.of(2025, 1, 1)).withYear(2024));
    }

    @ParameterizedTest
    @CsvSource({"12, 5, 5 décembre", "3, 1, 1er mars", "8, 15, 15 août", "2, 3, 3 février"})
    void frenchText(int month, int day, String expected) {
        assertThat(LegacyDate.yearless(MonthDay.of(month, day)).frenchText()).isEqualTo(expected);
    }

    @Test
    void frenchTextOfAFullDateIsIso() {
        assertThat(LegacyDate.full(LocalDate.of(2025, 12, 5)).frenchText()).isEqualTo("2025-12-05");
    }
}
