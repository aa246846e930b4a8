package ca.ptm.nocturne.imports.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class YearResolverTest {

    private static final FileDateContext SEASON_2025_2026 =
            new FileDateContext(LocalDate.of(2025, 9, 1), LocalDate.of(2026, 6, 30));

    private static LegacyDate full(String iso) {
        return LegacyDate.full(LocalDate.parse(iso));
    }

    private static LegacyDate yearless(int month, int day) {
        return LegacyDate.yearless(MonthDay.of(month, day));
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }

    @Test
    void nothingToResolve() {
        assertThat(YearResolver.resolve(null, null, null, null)).isEqualTo(new YearResolver.ResolvedDates(null, null));
        assertThat(YearResolver.resolve(full("2025-11-20"), null, null, null))
                .isEqualTo(new YearResolver.ResolvedDates(date("2025-11-20"), null));
        assertThat(YearResolver.resolve(null, full("2025-12-05"), null, null))
                .isEqualTo(new YearResolver.ResolvedDates(null, date("2025-12-05")));
    }

    @Test
    void requestAfterAppointmentIsLeftToTheCaller() {
        assertThat(YearResolver.resolve(full("2025-12-10"), full("2025-12-05"), null, null))
                .isEqualTo(new YearResolver.ResolvedDates(date("2025-12-10"), date("2025-12-05")));
    }

    // Rule a: the other date of the row.

    @ParameterizedTest
    @CsvSource({
        "2025-11-20, 12, 5, 2025-12-05",
        "2025-12-20, 1, 5, 2026-01-05",
        "2025-12-05, 12, 5, 2025-12-05",
        "2025-12-06, 12, 5, 2026-12-05",
        "2025-01-01, 12, 31, 2025-12-31",
        "2024-02-28, 2, 29, 2024-02-29",
        "2027-03-01, 2, 29, 2028-02-29",
    })
    void appointmentAfterFullRequest(String request, int month, int day, String expected) {
        assertThat(YearResolver.resolve(full(request), yearless(month, day), null, null).appointmentDate())
                .isEqualTo(date(expected));
    }

    @ParameterizedTest
    @CsvSource({
        "2026-01-10, 12, 20, 2025-12-20",
        "2026-01-10, 1, 10, 2026-01-10",
        "2026-01-10, 1, 11, 2025-01-11",
        "2025-12-05, 11, 20, 2025-11-20",
        "2028-03-01, 2, 29, 2028-02-29",
    })
    void requestBeforeFullAppointment(String appointment, int month, int day, String expected) {
        assertThat(YearResolver.resolve(yearless(month, day), full(appointment), null, null).requestDate())
                .isEqualTo(date(expected));
    }

    @Test
    void rowDateWinsOverFileAndSeason() {
        FileDateContext file2019 = new FileDateContext(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 3, 1));
        assertThat(YearResolver.resolve(full("2025-11-20"), yearless(12, 5), file2019, 2030))
                .isEqualTo(new YearResolver.ResolvedDates(date("2025-11-20"), date("2025-12-05")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-10", "2027-02-27"})
    void leapDayWithoutAnyFittingYearIsAmbiguous(String appointment) {
        ValueParseException e = Rejections.assertRejected(RejectCode.AMBIGUOUS_YEAR,
                () -> YearResolver.resolve(yearless(2, 29), full(appointment), SEASON_2025_2026, 2026));
        assertThat(Rejections.plainMessage(e)).startsWith("Année introuvable pour « 29 février » :").contains(appointment);
    }

    @Test
    void leapDayAppointmentAfterARequestWithoutLeapYearIsAmbiguous() {
        Rejections.assertRejected(RejectCode.AMBIGUOUS_YEAR,
                () -> YearResolver.resolve(full("2024-03-01"), yearless(2, 29), null, null));
    }

    // Rule b: the file's own complete dates.

    static Stream<Arguments> fromFile() {
        return Stream.of(
                Arguments.of(null, yearless(12, 5), null, "2025-12-05"),
                Arguments.of(null, yearless(7, 15), null, "2026-07-15"),
                Arguments.of(yearless(12, 5), null, "2025-12-05", null),
                Arguments.of(yearless(12, 20), yearless(1, 5), "2025-12-20", "2026-01-05"),
                Arguments.of(yearless(1, 10), yearless(1, 5), "2025-01-10", "2026-01-05"),
                Arguments.of(yearless(9, 3), yearless(9, 3), "2025-09-03", "2025-09-03"));
    }

    @ParameterizedTest
    @MethodSource
    void fromFile(LegacyDate request, LegacyDate appointment, String expectedRequest, String expectedAppointment) {
        assertThat(YearResolver.resolve(request, appointment, SEASON_2025_2026, 1999))
                .isEqualTo(new YearResolver.ResolvedDates(date(expectedRequest), date(expectedAppointment)));
    }

    @Test
    void fileThatSaysNothingFallsThroughToTheSeason() {
        FileDateContext twoYears = new FileDateContext(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31));
        assertThat(YearResolver.resolve(null, yearless(12, 5), twoYears, 2030).appointmentDate())
                .isEqualTo(date("2030-12-05"));
        FileDateContext october = new FileDateContext(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 31));
        assertThat(YearResolver.resolve(null, yearless(4, 1), october, 2026).appointmentDate())
                .isEqualTo(date("2026-04-01"));
    }

    // Rule c: the season year.

    @ParameterizedTest
    @CsvSource({
        "11, 20, 12, 5, 2025, 2025-11-20, 2025-12-05",
        "12, 20, 1, 5, 2026, 2025-12-20, 2026-01-05",
        "12, 5, 12, 5, 2025, 2025-12-05, 2025-12-05",
    })
    void seasonYear(int requestMonth, int requestDay, int appointmentMonth, int appointmentDay, int season,
            String expectedRequest, String expectedAppointment) {
        assertThat(YearResolver.resolve(yearless(requestMonth, requestDay), yearless(appointmentMonth, appointmentDay),
                FileDateContext.empty(), season))
                .isEqualTo(new YearResolver.ResolvedDates(date(expectedRequest), date(expectedAppointment)));
    }

    @Test
    void seasonYearForALoneDate() {
        assertThat(YearResolver.resolve(yearless(12, 5), null, null, 2025).requestDate()).isEqualTo(date("2025-12-05"));
        assertThat(YearResolver.resolve(null, yearless(3, 1), null, 2026).appointmentDate()).isEqualTo(date("2026-03-01"));
    }

    @Test
    void leapDayInANonLeapSeasonIsABadDate() {
        Rejections.assertRejected(RejectCode.BAD_DATE, () -> YearResolver.resolve(null, yearless(2, 29), null, 2026));
    }

    // Rule d: nothing to go on.

    @Test
    void noInformationIsAmbiguous() {
        ValueParseException e = Rejections.assertRejected(RejectCode.AMBIGUOUS_YEAR,
                () -> YearResolver.resolve(yearless(11, 20), yearless(12, 5), FileDateContext.empty(), null));
        assertThat(Rejections.plainMessage(e))
                .isEqualTo("Année introuvable pour « 5 décembre » : ajoutez l'année ou le paramètre --year");
    }

    @Test
    void loneYearlessRequestWithoutInformationIsAmbiguous() {
        ValueParseException e = Rejections.assertRejected(RejectCode.AMBIGUOUS_YEAR,
                () -> YearResolver.resolve(yearless(3, 1), null, null, null));
        assertThat(Rejections.plainMessage(e)).contains("« 1er mars »");
    }
}
