package ca.ptm.nocturne.operations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseDescriptionTest {

    @Test
    void aPasswordQueryParameterIsMasked() {
        assertThat(DatabaseDescription.withoutSecrets("jdbc:postgresql://db.ptm.ca:5432/nocturne?user=app&password=S3cr3t!&ssl=true"))
                .isEqualTo("jdbc:postgresql://db.ptm.ca:5432/nocturne?user=app&password=***&ssl=true")
                .doesNotContain("S3cr3t");
    }

    @Test
    void aPasswordAsLastParameterOrSpelledPwdIsMasked() {
        assertThat(DatabaseDescription.withoutSecrets("jdbc:postgresql://db/nocturne?PASSWORD=abc"))
                .isEqualTo("jdbc:postgresql://db/nocturne?PASSWORD=***");
        assertThat(DatabaseDescription.withoutSecrets("jdbc:sqlserver://db;user=app;pwd=abc;encrypt=true"))
                .isEqualTo("jdbc:sqlserver://db;user=app;pwd=***;encrypt=true");
    }

    @Test
    void userAndPasswordBeforeTheHostAreMasked() {
        assertThat(DatabaseDescription.withoutSecrets("jdbc:postgresql://app:S3cr3t@db.ptm.ca:5432/nocturne"))
                .isEqualTo("jdbc:postgresql://***@db.ptm.ca:5432/nocturne")
                .doesNotContain("S3cr3t");
    }

    @Test
    void aUrlWithoutSecretsIsUnchanged() {
        assertThat(DatabaseDescription.withoutSecrets("jdbc:postgresql://db.ptm.ca:5432/nocturne?ssl=true"))
                .isEqualTo("jdbc:postgresql://db.ptm.ca:5432/nocturne?ssl=true");
        assertThat(DatabaseDescription.withoutSecrets("")).isEmpty();
    }
}
