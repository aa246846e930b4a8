package ca.ptm.nocturne.imports.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountParserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "175          | 175.00",
        "175.00       | 175.00",
        "175.5        | 175.50",
        "9,50         | 9.50",
        "1 175,00 $   | 1175.00",
        "1,175.00     | 1175.00",
        "1.175,00     | 1175.00",
        "$175         | 175.00",
        "175$         | 175.00",
        "175 $        | 175.00",
        "175 $ CA     | 175.00",
        "175$CAD      | 175.00",
        "$ 1,175.00   | 1175.00",
        "-12,50       | -12.50",
        "-$12.50      | -12.50",
        "0            | 0.00",
        "0,5          | 0.50",
        "1,175,000    | 1175000.00",
        "1.175.000,25 | 1175000.25",
        "12 345 678   | 12345678.00",
        "' 175 '      | 175.00",
    })
    void amounts(String text, BigDecimal expected) {
        BigDecimal amount = AmountParser.parse(text);
        assertThat(amount).isEqualByComparingTo(expected);
        assertThat(amount.scale()).isEqualTo(2);
    }

    static Stream<Arguments> unusualSpaces() {
        return Stream.of(
                Arguments.of("1\u00A0175,00\u00A0$", "1175.00"),
                Arguments.of("1\u202F175,00\u202F$", "1175.00"),
                Arguments.of("\u00A01 175,00 $\u00A0", "1175.00"),
                Arguments.of("2\u202F350", "2350.00"));
    }

    @ParameterizedTest
    @MethodSource("unusualSpaces")
    void noBreakSpacesGroupThousands(String text, String expected) {
        assertThat(AmountParser.parse(text)).isEqualTo(new BigDecimal(expected));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\u00A0"})
    void blankIsNull(String text) {
        assertThat(AmountParser.parse(text)).isNull();
        assertThat(AmountParser.parseDecimal(text)).isNull();
        assertThat(AmountParser.parseInteger(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "(12,50)", "!00$", "abc", "12,5,0", "1 2", "12.345.678,9.1", "1,175", "1.175", "9,505", "175,001",
        "$", "$175$", "12 34", "1 1750", "1,1750", "1.175.00", "1,175,00", "+12", "12-", "1 175.000", "- 12",
        "175 € ", "1 175,00 $ US", "12..5", ",50", "10 %",
    })
    void rejectedAmounts(String text) {
        ValueParseException e = Rejections.assertRejected(RejectCode.BAD_AMOUNT, () -> AmountParser.parse(text));
        assertThat(Rejections.plainMessage(e)).isEqualTo("Montant illisible : « " + text.strip() + " »");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "23,5       | 23.5",
        "2 350,00   | 2350.00",
        "14         | 14",
        "-1         | -1",
        "0,25       | 0.25",
        "0,250      | 0.250",
        "1234,567   | 1234.567",
        "1 175.125  | 1175.125",
        "1,175.125  | 1175.125",
    })
    void decimals(String text, BigDecimal expected) {
        assertThat(AmountParser.parseDecimal(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"175 $", "$175", "1,175", "1.175", "175,125", "100.000", "-1,175", "abc", "1 2", "3,5,1"})
    void rejectedDecimals(String text) {
        ValueParseException e = Rejections.assertRejected(RejectCode.BAD_NUMBER, () -> AmountParser.parseDecimal(text));
        assertThat(Rejections.plainMessage(e)).isEqualTo("Nombre illisible : « " + text + " »");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"14 | 14", "' 3 ' | 3", "1 000 | 1000", "-2 | -2", "14,0 | 14", "0 | 0"})
    void integers(String text, int expected) {
        assertThat(AmountParser.parseInteger(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3,5", "1,000", "abc", "99999999999", "2 $"})
    void rejectedIntegers(String text) {
        Rejections.assertRejected(RejectCode.BAD_NUMBER, () -> AmountParser.parseInteger(text));
    }

    @Test
    void noBreakSpaceGroupingInIntegers() {
        assertThat(AmountParser.parseInteger("1\u00A0000")).isEqualTo(1000);
    }
}
