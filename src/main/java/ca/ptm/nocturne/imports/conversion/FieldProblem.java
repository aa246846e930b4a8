package ca.ptm.nocturne.imports.conversion;

import ca.ptm.nocturne.imports.parsing.RejectCode;

/** Why one field of a row cannot be imported: becomes one line of import_reject. */
public record FieldProblem(String field, String rawValue, RejectCode code, String message) {
}
