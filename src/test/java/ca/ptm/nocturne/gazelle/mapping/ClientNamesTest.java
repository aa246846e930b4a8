package ca.ptm.nocturne.gazelle.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientNamesTest {

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        "Salle Démo, Prénom, Exemple, Salle Démo",
        "-, Camille, Fictive, Camille Fictive",
        "'  ', Camille, -, Camille",
        "-, -, Fictive, Fictive",
        "'Studio Démo, son historique', -, -, Studio Démo",
        "'Studio Démo, SON HISTORIQUE', -, -, Studio Démo",
        "', son historique', Camille, Fictive, Camille Fictive",
        "-, -, -, -",
    })
    void companyName(String company, String first, String last, String expected) {
        assertThat(ClientNames.companyName(company, first, last)).isEqualTo(expected);
    }
}
