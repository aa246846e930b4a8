package ca.ptm.nocturne.imports.writing;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * A unique-key conflict as PostgreSQL reports it (SQLSTATE 23505): the table, and the key's columns and values from
 * the detail "Key (code)=(CORD-018) already exists.", so the original row can be found whatever the table.
 */
record UniqueConflict(String table, List<String> columns, List<String> values, String detail) {

    private static final Pattern KEY = Pattern.compile("Key \\((.+)\\)=\\((.*)\\) already exists\\.");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    static Optional<UniqueConflict> of(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof PSQLException psql && "23505".equals(psql.getSQLState()) && psql.getServerErrorMessage() != null) {
                return parse(psql.getServerErrorMessage());
            }
        }
        return Optional.empty();
    }

    private static Optional<UniqueConflict> parse(ServerErrorMessage message) {
        String table = message.getTable();
        String detail = message.getDetail();
        if (table == null || detail == null || !IDENTIFIER.matcher(table).matches()) {
            return Optional.empty();
        }
        Matcher key = KEY.matcher(detail);
        if (!key.matches()) {
            return Optional.empty();
        }
        List<String> columns = Arrays.stream(key.group(1).split(", ")).map(String::trim).toList();
        // Values holding ", " cannot be told apart from the separator: only a split that fits the columns is used.
        List<String> values = columns.size() == 1 ? List.of(key.group(2)) : Arrays.asList(key.group(2).split(", ", -1));
        if (values.size() != columns.size() || !columns.stream().allMatch(c -> IDENTIFIER.matcher(c).matches())) {
            return Optional.empty();
        }
        return Optional.of(new UniqueConflict(table, columns, values, detail));
    }
}
