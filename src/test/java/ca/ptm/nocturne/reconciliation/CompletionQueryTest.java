package ca.ptm.nocturne.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.ptm.nocturne.gazelle.standin.GazelleSchema;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The completion check's operation, validated against Gazelle's schema by graphql-java. */
class CompletionQueryTest {

    @Test
    void theOperationIsValidAgainstGazellesSchemaWithStringVariablesAndAliases() {
        Document document = Parser.parse(CompletionQuery.TEXT);
        List<ValidationError> errors = new Validator().validateDocument(GazelleSchema.forValidation(), document, Locale.ENGLISH);

        assertThat(errors).isEmpty();
        OperationDefinition operation = document.getDefinitionsOfType(OperationDefinition.class).get(0);
        assertThat(operation.getVariableDefinitions()).hasSize(CompletionQuery.BATCH)
                .allSatisfy(v -> assertThat(v.getType().toString()).contains("NonNullType").contains("String"));
        assertThat(operation.getSelectionSet().getSelectionsOfType(Field.class)).extracting(Field::getAlias)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, CompletionQuery.BATCH).mapToObj(i -> "e" + i).toList());
        assertThat(CompletionQuery.TEXT).contains("e3: event(eventId: $id3) { id status }");
    }

    @Test
    void theSameTextWithAnIdTypedIdIsRefused() {
        String wrong = CompletionQuery.TEXT.replace("$id1: String!", "$id1: ID!");
        assertThat(new Validator().validateDocument(GazelleSchema.forValidation(), Parser.parse(wrong), Locale.ENGLISH)).isNotEmpty();
    }

    @Test
    void aShortBatchFillsTheUnusedVariablesAndMapsOnlyItsAliases() {
        CompletionQuery query = CompletionQuery.of(List.of("evt_A", "evt_B"));

        assertThat(query.aliasToAppointment()).containsExactly(java.util.Map.entry("e1", "evt_A"), java.util.Map.entry("e2", "evt_B"));
        assertThat(query.variables()).hasSize(CompletionQuery.BATCH).containsEntry("id2", "evt_B").containsEntry("id25", "evt_A");
        assertThatThrownBy(() -> CompletionQuery.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(PdaCompletionTasklet.outcome("COMPLETE")).isEqualTo("COMPLETED");
        assertThat(PdaCompletionTasklet.outcome("CANCELED")).isEqualTo("CANCELED");
        assertThat(PdaCompletionTasklet.outcome("NO_SHOW")).isEqualTo("CANCELED");
        assertThat(PdaCompletionTasklet.outcome("ACTIVE")).isEqualTo("NOT_YET");
        assertThat(PdaCompletionTasklet.outcome(null)).isEqualTo("MISSING");
    }
}
