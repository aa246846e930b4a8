package ca.ptm.nocturne.imports.conversion;

import ca.ptm.nocturne.imports.parsing.RejectCode;
import java.util.List;

/** Thrown by a converter when a row breaks a business rule; the row is rejected, the file goes on. */
public class RowRejectedException extends Exception {

    private final List<FieldProblem> problems;

    public RowRejectedException(List<FieldProblem> problems) {
        super(problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public RowRejectedException(String field, String rawValue, RejectCode code, String message) {
        this(List.of(new FieldProblem(field, rawValue, code, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
