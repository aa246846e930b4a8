package ca.ptm.nocturne.gazelle;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.gazelle.source.GazelleQueries;
import ca.ptm.nocturne.gazelle.standin.GazelleSchema;
import graphql.language.Document;
import graphql.language.Field;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every GraphQL operation Nocturne can send is valid against Gazelle's schema (src/main/resources/gazelle/schema.graphqls):
 * arguments, input fields, fields, enum values and variable types, as graphql-java's validator judges them.
 *
 * <p>The operations are collected from the compiled code itself: every string constant of every class of the
 * application that reads as a GraphQL operation ({@code query …}, {@code mutation …}, or an anonymous {@code { field … }}).
 * Java folds constant concatenations into one constant, so an operation written in a class, inline or in a field,
 * is seen here without being registered anywhere; one assembled at run time shows up as a concatenation recipe and
 * fails this test, because nothing could check it.
 */
class GazelleOperationsValidationTest {

    private static final Pattern OPERATION = Pattern.compile("^\\s*(query|mutation|subscription)\\b[\\s\\S]*\\{[\\s\\S]*|^\\s*\\{\\s*\\w+\\s*[({][\\s\\S]*");
    /** The placeholder javac's invokedynamic string concatenation puts in a recipe for a run-time value. */
    private static final char RECIPE_ARGUMENT = '\u0001';

    private final GraphQLSchema schema = GazelleSchema.forValidation();

    @Test
    void everyOperationInTheCodeIsValidAgainstGazellesSchema() throws Exception {
        Map<String, List<String>> operations = operationsInTheCode();
        assertThat(operations.keySet()).as("the scan sees the sync's queries").contains(GazelleQueries.CLIENTS.text(),
                GazelleQueries.TIMELINE.text(), GazelleQueries.APPOINTMENTS.text(), GazelleQueries.INVOICES.text(),
                GazelleQueries.USERS.text(), GazelleQueries.PIANOS.text(), GazelleQueries.CLIENT_BY_ID,
                GazelleQueries.EVENT_PIANOS, GazelleQueries.INVOICE_ITEMS, GazelleQueries.TIMELINE_COUNTS);

        List<String> problems = new ArrayList<>();
        operations.forEach((text, classes) -> problems.addAll(problems(text).stream()
                .map(problem -> classes + ": " + problem + "\n    in: " + text).toList()));

        assertThat(problems).as("operations Gazelle would refuse").isEmpty();
    }

    @Test
    void theTimelineCountsAskForEveryTypeOfTheSchemaOnceSoThatTheTypePartitionsCanBeProvenComplete() {
        List<String> schemaTypes = ((GraphQLEnumType) schema.getType("TimelineEntryType")).getValues().stream()
                .map(GraphQLEnumValueDefinition::getName).sorted().toList();
        Document counts = Parser.parse(GazelleQueries.TIMELINE_COUNTS);
        List<String> aliases = counts.getDefinitionsOfType(OperationDefinition.class).get(0).getSelectionSet()
                .getSelectionsOfType(Field.class).stream().map(Field::getAlias)
                .filter(alias -> !alias.equals(GazelleQueries.ALL_TYPES)).sorted().toList();

        assertThat(schemaTypes).hasSize(28);
        assertThat(aliases).isEqualTo(schemaTypes);
        assertThat(GazelleQueries.TIMELINE_COUNTS).contains("all: allTimelineEntries(first: 1, occurredAtGet: $occurredAtGet) { totalCount }");
        for (String type : schemaTypes) {
            assertThat(GazelleQueries.TIMELINE_COUNTS).as(type).contains(type + ": allTimelineEntries(first: 1, "
                    + "occurredAtGet: $occurredAtGet, types: [" + type + "]) { totalCount }");
        }
    }

    @Test
    void theValidatorRefusesWhatGazelleRefuses() {
        assertThat(problems("query { allUsers(first: 10) { nodes { id } } }")).isNotEmpty();
        assertThat(problems("query T($d: DateTime) { allTimelineEntries(occurredAtGet: $d) { totalCount } }")).isNotEmpty();
        assertThat(problems("query T($d: CoreDateTime) { allTimelineEntries(occurredAtLet: $d) { totalCount } }")).isNotEmpty();
        assertThat(problems("query E($d: CoreDate) { allEventsBatched(startOn: $d) { totalCount } }")).isNotEmpty();
        assertThat(problems("query E($id: ID!) { event(eventId: $id) { id } }")).isNotEmpty();
        assertThat(problems("query E($s: [EventStatus!]) { allEventsBatched(filters: {status: $s}) { nodes { status } } }")).isEmpty();
        assertThat(problems("query E { allEventsBatched(filters: {status: [CANCELLED]}) { totalCount } }")).isNotEmpty();
        assertThat(problems("query U { allUsers { id firstName } }")).isEmpty();
        assertThat(problems("query U($x: String) { allUsers { id } }")).as("an unused variable").isNotEmpty();
    }

    /** Syntax and validation errors of one operation; none when Gazelle would run it. */
    private List<String> problems(String text) {
        if (text.indexOf(RECIPE_ARGUMENT) >= 0) {
            return List.of("assembled at run time (a string concatenation with a non-constant part): make it a constant "
                    + "so that it can be checked");
        }
        Document document;
        try {
            document = Parser.parse(text);
        } catch (InvalidSyntaxException e) {
            return List.of("syntax: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        if (document.getDefinitionsOfType(OperationDefinition.class).isEmpty()) {
            problems.add("no operation");
        }
        for (ValidationError error : new Validator().validateDocument(schema, document, Locale.ENGLISH)) {
            problems.add(error.getMessage());
        }
        return problems;
    }

    /** Operation text → the classes holding it, from the constant pools of the application's compiled classes. */
    static Map<String, List<String>> operationsInTheCode() throws IOException, URISyntaxException {
        Path classes = Path.of(GazelleQueries.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, List<String>> operations = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String className = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                try (InputStream in = Files.newInputStream(file)) {
                    for (String constant : stringConstants(in)) {
                        if (OPERATION.matcher(constant).matches()) {
                            operations.computeIfAbsent(constant, k -> new ArrayList<>()).add(className);
                        }
                    }
                }
            }
        }
        return operations;
    }

    /** The UTF-8 entries of a class file's constant pool (JVMS §4.4). */
    private static List<String> stringConstants(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != 0xCAFEBABE) {
            return List.of();
        }
        data.readUnsignedShort();
        data.readUnsignedShort();
        int count = data.readUnsignedShort();
        List<String> strings = new ArrayList<>();
        for (int index = 1; index < count; index++) {
            int tag = data.readUnsignedByte();
            switch (tag) {
                case 1 -> strings.add(data.readUTF());
                case 3, 4, 9, 10, 11, 12, 17, 18 -> data.skipBytes(4);
                case 5, 6 -> {
                    data.skipBytes(8);
                    index++;
                }
                case 7, 8, 16, 19, 20 -> data.skipBytes(2);
                case 15 -> data.skipBytes(3);
                default -> throw new IOException("Unknown constant pool tag " + tag);
            }
        }
        return strings;
    }
}
