package ca.ptm.nocturne.gazelle.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MoneyTest {

    private static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }

    @ParameterizedTest
    @CsvSource({"17500, 175.00", "12345, 123.45", "5, 0.05", "0, 0.00", "-2500, -25.00", "'\"950\"', 9.50"})
    void centsBecomeDollarsWithTwoDecimals(String json, String dollars) {
        BigDecimal amount = Money.fromCents(json(json));
        assertThat(amount).isEqualTo(new BigDecimal(dollars));
        assertThat(amount.scale()).isEqualTo(2);
    }

    @Test
    void longCents() {
        assertThat(Money.fromCents(201_24L)).isEqualTo(new BigDecimal("201.24"));
        assertThat(Money.fromCents((Long) null)).isNull();
    }

    @Test
    void nullStaysNull() {
        assertThat(Money.fromCents((JsonNode) null)).isNull();
        assertThat(Money.fromCents(json("null"))).isNull();
        assertThat(Money.fromCents(json("{}").path("total"))).isNull();
    }

    @Test
    void rejectsText() {
        assertThatThrownBy(() -> Money.fromCents(json("\"cent\""))).isInstanceOf(IllegalArgumentException.class);
    }
}
