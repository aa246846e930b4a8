package ca.ptm.nocturne.imports.conversion;

import java.util.List;

/** What the processor decided about one row: a record to write, or a rejected row. */
public sealed interface RowOutcome permits RowOutcome.Accepted, RowOutcome.Rejected {

    RowPosition at();

    /** @param warnings "CODE: message" notes kept with the written row (unknown hall, blank pitch...) */
    record Accepted<T>(RowPosition at, T record, List<String> warnings) implements RowOutcome {
    }

    record Rejected(RowPosition at, List<FieldProblem> problems) implements RowOutcome {
    }
}
