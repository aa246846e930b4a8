package ca.ptm.nocturne.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailureTextTest {

    @Test
    void aStackTraceGivesTheMessageOfItsInnermostCauseWithoutTheExceptionClass() {
        String trace = """
                org.springframework.batch.core.step.StepExecutionException: Step failed
                \tat org.springframework.batch.core.step.AbstractStep.execute(AbstractStep.java:123)
                Caused by: java.lang.IllegalStateException: Lecture impossible
                \tat ca.ptm.nocturne.imports.reading.InboxRowReader.open(InboxRowReader.java:42)
                \t... 12 more
                Caused by: java.io.IOException: Le fichier pda.csv a été modifié depuis le début de l'import
                \tat ca.ptm.nocturne.imports.inbox.FileChecksum.verify(FileChecksum.java:10)
                \t... 14 more
                """;

        assertThat(FailureText.summarize(trace)).isEqualTo("Le fichier pda.csv a été modifié depuis le début de l'import");
    }

    @Test
    void aStackTraceWithoutCauseGivesTheMessageOfItsFirstLine() {
        String trace = "org.postgresql.util.PSQLException: Connection refused\n\tat org.postgresql.Driver.connect(Driver.java:1)\n";

        assertThat(FailureText.summarize(trace)).isEqualTo("Connection refused");
    }

    @Test
    void aNestedClassExceptionIsStrippedToo() {
        assertThat(FailureText.summarize("Caused by: ca.ptm.Outer$InnerError: Plus de mémoire"))
                .isEqualTo("Plus de mémoire");
    }

    @Test
    void plainTextIsReturnedAsItIs() {
        assertThat(FailureText.summarize("Trop de lignes rejetées dans produits.csv : 101 sur 151"))
                .isEqualTo("Trop de lignes rejetées dans produits.csv : 101 sur 151");
    }

    @Test
    void nullOrBlankGivesAnEmptyText() {
        assertThat(FailureText.summarize(null)).isEmpty();
        assertThat(FailureText.summarize("")).isEmpty();
        assertThat(FailureText.summarize("  \n\t ")).isEmpty();
    }
}
