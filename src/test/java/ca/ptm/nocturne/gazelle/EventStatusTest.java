package ca.ptm.nocturne.gazelle;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EventStatusTest {

    @Test
    void everyValueOfGazellesSchemaEnumIsAStatusOfItsOwn() throws Exception {
        TypeDefinitionRegistry schema;
        try (var in = new InputStreamReader(getClass().getResourceAsStream("/gazelle/schema.graphqls"), StandardCharsets.UTF_8)) {
            schema = new SchemaParser().parse(in);
        }
        var declared = schema.getType("EventStatus", EnumTypeDefinition.class).orElseThrow().getEnumValueDefinitions().stream()
                .map(EnumValueDefinition::getName).toList();

        assertThat(declared).containsExactlyInAnyOrder("ACTIVE", "CANCELED", "NO_SHOW", "COMPLETE");
        assertThat(declared).allSatisfy(value -> assertThat(EventStatus.of(value).name()).isEqualTo(value));
        assertThat(Arrays.stream(EventStatus.values()).filter(s -> s != EventStatus.UNKNOWN).map(Enum::name))
                .containsExactlyInAnyOrderElementsOf(declared);
    }

    @Test
    void theExportsAndOlderRowsLongSpellingsReadAsGazellesOwn() {
        assertThat(EventStatus.of("CANCELLED")).isEqualTo(EventStatus.CANCELED);
        assertThat(EventStatus.of(" completed ")).isEqualTo(EventStatus.COMPLETE);
        assertThat(EventStatus.canonical("Cancelled")).isEqualTo("CANCELED");
        assertThat(EventStatus.canonical("COMPLETED")).isEqualTo("COMPLETE");
    }

    @Test
    void anUndeclaredValueIsKeptAsItCameAndIsNeverFinal() {
        assertThat(EventStatus.of("CONFIRMED")).isEqualTo(EventStatus.UNKNOWN);
        assertThat(EventStatus.canonical("CONFIRMED")).isEqualTo("CONFIRMED");
        assertThat(EventStatus.of(null).isFinal()).isFalse();
        assertThat(EventStatus.finalSpellings()).contains("CANCELED", "CANCELLED", "NO_SHOW", "COMPLETE", "COMPLETED")
                .doesNotContain("ACTIVE");
    }
}
