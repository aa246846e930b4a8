package ca.ptm.nocturne.imports.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.MonthDay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LegacyDateParserTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "2025-12-05", "2025-12-05 14:00", "2025-12-05 14:00:00", "2025-12-05 14:00:00.123",
        "2025-12-05T14:00", "2025-12-05T14:00:00Z", "2025-12-05T14:00:00-05:00", "2025-12-05 14:00:00 UTC",
        " 2025-12-05 ", "\u00A02025-12-05\u00A0", "2025-12-5", "2025/12/05", "2025.12.05", "2025/12/05 14:00",
        "05/12/2025", "5/12/2025", "05-12-2025", "05.12.2025", "5.12.2025", "05/12/25", "5-12-25",
        "05/12/2025 14:00", "05/12/2025 14h00",
        "5 Décembre 2025", "5 décembre 2025", "5 DECEMBRE 2025", "5-Dec-2025", "5-déc.-2025", "5 déc. 2025",
        "05 dec 25", "5 décembre, 2025", "Dec 5, 2025", "December 5 2025", "dec. 5 2025", "December 5th, 2025",
        "vendredi 5 décembre 2025", "Friday, 5 December 2025", "ven. 5 déc. 2025", "Fri 5 Dec 2025",
    })
    void fullDatesOf5December2025(String text) {
        assertThat(LegacyDateParser.parse(text)).isEqualTo(LegacyDate.full(LocalDate.of(2025, 12, 5)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "27 November 2025     | 2025-11-27",
        "1er mars 2026        | 2026-03-01",
        "3 fevrier 2026       | 2026-02-03",
        "lundi 5 janvier 2026 | 2026-01-05",
        "Mar 5, 2025          | 2025-03-05",
        "29/02/2028           | 2028-02-29",
        "31/12/2025           | 2025-12-31",
        "1/1/2026             | 2026-01-01",
        "15 août 2025         | 2025-08-15",
        "1st March 2026       | 2026-03-01",
        "2 juil. 2026         | 2026-07-02",
        "June 30 2026         | 2026-06-30",
        "mar. 3 mars 2026     | 2026-03-03",
    })
    void otherFullDates(String text, LocalDate expected) {
        assertThat(LegacyDateParser.parse(text)).isEqualTo(LegacyDate.full(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "5-Dec               | 12 | 5",
        "5-déc.              | 12 | 5",
        "5 décembre          | 12 | 5",
        "5 DÉC               | 12 | 5",
        "1er mars            | 3  | 1",
        "12 janv             | 1  | 12",
        "12 janv.            | 1  | 12",
        "12 jan              | 1  | 12",
        "3 févr              | 2  | 3",
        "3 févr.             | 2  | 3",
        "3 fév               | 2  | 3",
        "15 août             | 8  | 15",
        "15 aout             | 8  | 15",
        "15 Aug              | 8  | 15",
        "29 février          | 2  | 29",
        "samedi - 5 décembre | 12 | 5",
        "samedi, 5 décembre  | 12 | 5",
        "Saturday - 5 Dec    | 12 | 5",
        "sam. 5 déc.         | 12 | 5",
        "mar 5 mars          | 3  | 5",
        "5déc                | 12 | 5",
        "30 sept.            | 9  | 30",
        "1 mai               | 5  | 1",
        "4 juillet           | 7  | 4",
        "10 octobre          | 10 | 10",
        "11 nov              | 11 | 11",
        "20 avr.             | 4  | 20",
        "21 juin             | 6  | 21",
    })
    void yearlessDates(String text, int month, int day) {
        assertThat(LegacyDateParser.parse(text)).isEqualTo(LegacyDate.yearless(MonthDay.of(month, day)));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\u00A0", "\t"})
    void blankIsNull(String text) {
        assertThat(LegacyDateParser.parse(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "31/02/2026", "2026-13-01", "32 mars", "2026-02-30", "00/12/2025", "5/13/2025", "30 février",
        "29/02/2026", "0 décembre", "2025-00-10", "31 avril",
    })
    void invalidCalendarDates(String text) {
        ValueParseException e = Rejections.assertRejected(RejectCode.BAD_DATE, () -> LegacyDateParser.parse(text));
        assertThat(Rejections.plainMessage(e)).isEqualTo("Date illisible : « " + text + " »");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "demain", "2025", "12/2025", "?", "5", "décembre", "5 machin", "5 décembre 2025 14h",
        "2025-12-05 garbage", "2025-12-05T25:00", "2025-12-05 14:60", "05/12/2025/1", "05/12-2025",
        "December 5", "Dec 5", "1,5", "2025-12-05-", "20251205", "x 5 décembre", "5 dec 12345",
        "12/05/0025", "01/01/1850", "0025-12-05",
    })
    void garbage(String text) {
        Rejections.assertRejected(RejectCode.BAD_DATE, () -> LegacyDateParser.parse(text));
    }

    @Test
    void messageQuotesTheTrimmedValue() {
        ValueParseException e = Rejections.assertRejected(RejectCode.BAD_DATE, () -> LegacyDateParser.parse("  demain "));
        assertThat(Rejections.plainMessage(e)).isEqualTo("Date illisible : « demain »");
    }

    @Test
    void dayFirstIsNeverMonthFirst() {
        assertThat(LegacyDateParser.parse("01/02/2026").date()).isEqualTo(LocalDate.of(2026, 2, 1));
        Rejections.assertRejected(RejectCode.BAD_DATE, () -> LegacyDateParser.parse("12/31/2025"));
    }

    @Test
    void twoDigitYearsAreThisCentury() {
        assertThat(LegacyDateParser.parse("05/12/99").date()).isEqualTo(LocalDate.of(2099, 12, 5));
        assertThat(LegacyDateParser.parse("05/12/00").date()).isEqualTo(LocalDate.of(2000, 12, 5));
    }

    @Test
    void isCheapEnoughForAMillionRows() {
        // Not a benchmark: a guard against a pattern compiled per call or catastrophic backtracking.
        String[] samples = {"2025-12-05", "05/12/2025", "5 décembre", "lundi 5 janvier 2026", "Dec 5, 2025"};
        long start = System.nanoTime();
        for (int i = 0; i < 200_000; i++) {
            assertThat(LegacyDateParser.parse(samples[i % samples.length])).isNotNull();
        }
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
    }
}
