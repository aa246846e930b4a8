package ca.ptm.nocturne.imports.mapping;

/**
 * The kinds of legacy export Nocturne imports, in the order they are imported: products before the stock and
 * movements that point at them, contracts before their instalments.
 */
public enum FileKind {
    PRODUCT("products"),
    PRODUCT_DISPLAY("product-display-names"),
    TECHNICIAN_STOCK("technician-stock"),
    STOCK_MOVEMENT("stock-movements"),
    VENUE_PIANO("venue-pianos"),
    PDA_REQUEST("pda-requests"),
    CONTRACT("contracts"),
    CONTRACT_INSTALLMENT("contract-installments");

    private final String id;

    FileKind(String id) {
        this.id = id;
    }

    /** The name used in mapping files and step names. */
    public String id() {
        return id;
    }

    public static FileKind fromId(String id) {
        for (FileKind kind : values()) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown file kind '" + id + "'");
    }
}
