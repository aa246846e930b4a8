package ca.ptm.nocturne.gazelle.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PianoSerialsTest {

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {"j0000001, J0000001", "'J 000 0058', J0000058", "000417, 000417",
        "' ', -", "-, -"})
    void normalize(String serial, String expected) {
        assertThat(PianoSerials.normalize(serial)).isEqualTo(expected);
    }
}
