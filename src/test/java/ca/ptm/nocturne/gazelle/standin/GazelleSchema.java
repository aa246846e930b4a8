package ca.ptm.nocturne.gazelle.standin;

import graphql.language.StringValue;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Gazelle's schema as the build holds it (src/main/resources/gazelle/schema.graphqls, a copy of
 * ../shared/gazelle/schema.graphqls), with its four custom scalars wired the way Gazelle documents them:
 * {@code CoreDate} "YYYY-MM-DD", {@code CoreDateTime} UTC "YYYY-MM-DDTHH:MM:SSZ" on input (the occurredAtGet
 * filter), any ISO instant with "Z" on output, {@code I18nString} a JSON object keyed by locale.
 */
public final class GazelleSchema {

    public static final String RESOURCE = "gazelle/schema.graphqls";

    private static final Pattern CORE_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** What Gazelle's occurredAtGet filter is documented to take: seconds, UTC, "Z". */
    private static final Pattern CORE_DATE_TIME_INPUT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

    private GazelleSchema() {
    }

    /** The SDL text of the schema file on the classpath. */
    public static String text() {
        try (InputStream in = GazelleSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TypeDefinitionRegistry registry() {
        return new SchemaParser().parse(text());
    }

    /** The schema with only its scalars wired: enough to validate operations. */
    public static GraphQLSchema forValidation() {
        return executable(registry(), builder -> builder);
    }

    /** The schema with its scalars and the data fetchers {@code wiring} adds. */
    public static GraphQLSchema executable(TypeDefinitionRegistry registry, UnaryOperator<RuntimeWiring.Builder> wiring) {
        RuntimeWiring.Builder builder = RuntimeWiring.newRuntimeWiring()
                .scalar(stringScalar("CoreDate", GazelleSchema::coreDate))
                .scalar(stringScalar("CoreDateTime", GazelleSchema::coreDateTimeInput))
                .scalar(stringScalar("ISO8601Date", GazelleSchema::coreDate))
                .scalar(i18nString());
        return new SchemaGenerator().makeExecutableSchema(registry, wiring.apply(builder).build());
    }

    private static String coreDate(String value) {
        if (!CORE_DATE.matcher(value).matches()) {
            throw new IllegalArgumentException("a date YYYY-MM-DD is expected, not \"" + value + "\"");
        }
        try {
            LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + value + "\" is not a date");
        }
        return value;
    }

    private static String coreDateTimeInput(String value) {
        if (!CORE_DATE_TIME_INPUT.matcher(value).matches()) {
            throw new IllegalArgumentException("a UTC time YYYY-MM-DDTHH:MM:SSZ is expected, not \"" + value + "\"");
        }
        try {
            Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + value + "\" is not a time");
        }
        return value;
    }

    /** A scalar carried as a String, checked on input by {@code check}; output is the stored text unchanged. */
    private static GraphQLScalarType stringScalar(String name, UnaryOperator<String> check) {
        return GraphQLScalarType.newScalar().name(name).coercing(new Coercing<Object, Object>() {
            @Override
            @SuppressWarnings("deprecation")
            public Object serialize(Object value) {
                if (value instanceof String || value instanceof Instant || value instanceof LocalDate) {
                    return value.toString();
                }
                throw new CoercingSerializeException(name + " cannot serialize " + value.getClass().getSimpleName());
            }

            @Override
            @SuppressWarnings("deprecation")
            public Object parseValue(Object input) {
                if (!(input instanceof String text)) {
                    throw new CoercingParseValueException(name + ": a string is expected");
                }
                try {
                    return check.apply(text);
                } catch (IllegalArgumentException e) {
                    throw new CoercingParseValueException(name + ": " + e.getMessage());
                }
            }

            @Override
            @SuppressWarnings("deprecation")
            public Object parseLiteral(Object input) {
                if (!(input instanceof StringValue text)) {
                    throw new CoercingParseLiteralException(name + ": a string is expected");
                }
                try {
                    return check.apply(text.getValue());
                } catch (IllegalArgumentException e) {
                    throw new CoercingParseLiteralException(name + ": " + e.getMessage());
                }
            }
        }).build();
    }

    private static GraphQLScalarType i18nString() {
        return GraphQLScalarType.newScalar().name("I18nString").coercing(new Coercing<Object, Object>() {
            @Override
            @SuppressWarnings("deprecation")
            public Object serialize(Object value) {
                return value;
            }

            @Override
            @SuppressWarnings("deprecation")
            public Object parseValue(Object input) {
                return input;
            }

            @Override
            @SuppressWarnings("deprecation")
            public Object parseLiteral(Object input) {
                throw new CoercingParseLiteralException("I18nString: pass it as a variable");
            }
        }).build();
    }
}
