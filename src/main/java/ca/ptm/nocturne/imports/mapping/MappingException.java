package ca.ptm.nocturne.imports.mapping;

/** A mapping file an admin edited is unusable; the import stops before reading any export. */
public class MappingException extends RuntimeException {

    public MappingException(String message) {
        super(message);
    }
}
