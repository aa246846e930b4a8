package ca.ptm.nocturne.imports.supplies;

import ca.ptm.nocturne.imports.conversion.RowConverter;
import ca.ptm.nocturne.imports.conversion.RowRejectedException;
import ca.ptm.nocturne.imports.conversion.TypedRow;
import ca.ptm.nocturne.imports.parsing.RejectCode;
import ca.ptm.nocturne.imports.parsing.TextNormalizer;
import ca.ptm.nocturne.shared.Sha256;
import java.util.Set;

/** A movement: references resolved, reason one of the known words, identity taken from its content. */
public class StockMovementConverter implements RowConverter<StockMovement> {

    private static final Set<String> REASONS = Set.of("ajout", "retrait", "transfert", "correction", "ajustement", "deduction");

    private final SupplyReferences references;

    public StockMovementConverter(SupplyReferences references) {
        this.references = references;
    }

    @Override
    public StockMovement convert(TypedRow row) throws RowRejectedException {
        long product = references.product(row);
        long technician = references.technician(row);
        String reason = TextNormalizer.fold(row.text("reason"));
        if (!REASONS.contains(reason)) {
            throw row.reject("reason", RejectCode.BAD_VALUE, "Raison de mouvement inconnue : « " + row.text("reason")
                    + " » (attendu : ajout, retrait, transfert, correction, ajustement ou déduction)");
        }
        String location = SupplyReferences.location(row);
        String contentKey = Sha256.hex(String.join("|", row.instant("occurred_at").toString(), Long.toString(technician),
                Long.toString(product), location, row.decimal("delta").stripTrailingZeros().toPlainString(), reason,
                String.valueOf(row.text("source")), String.valueOf(row.text("source_ref")), String.valueOf(row.text("notes"))));
        return new StockMovement(row.text("transaction_id"), contentKey, product, technician, location,
                row.instant("occurred_at"), row.decimal("delta"), reason, row.text("source"), row.text("source_ref"),
                row.text("client_ref"), row.text("notes"));
    }

}
