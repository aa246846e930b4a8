package ca.ptm.nocturne.imports.conversion;

/** Turns the typed cells of one kind of legacy row into the record its table stores, applying the business rules. */
@FunctionalInterface
public interface RowConverter<T> {

    T convert(TypedRow row) throws RowRejectedException;
}
