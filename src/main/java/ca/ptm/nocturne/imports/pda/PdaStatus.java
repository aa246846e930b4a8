package ca.ptm.nocturne.imports.pda;

import ca.ptm.nocturne.imports.parsing.TextNormalizer;
import java.util.Map;
import java.util.Optional;

/**
 * The five statuses of a Place des Arts request, in the order they are reached. The same list is the CHECK
 * constraint of pda_request.status; legacy spellings map onto it, anything else is a BAD_STATUS reject.
 */
public enum PdaStatus {
    PENDING, CREATED_IN_GAZELLE, ASSIGN_OK, COMPLETED, BILLED;

    private static final Map<String, PdaStatus> LEGACY = Map.ofEntries(
            Map.entry("imported", PENDING), Map.entry("importe", PENDING), Map.entry("nouveau", PENDING),
            Map.entry("pending", PENDING), Map.entry("cree gazelle", CREATED_IN_GAZELLE),
            Map.entry("created in gazelle", CREATED_IN_GAZELLE), Map.entry("assigne", ASSIGN_OK),
            Map.entry("complete", COMPLETED), Map.entry("completed", COMPLETED), Map.entry("facture", BILLED),
            Map.entry("billed", BILLED));

    /** Blank means PENDING (a freshly logged request). */
    public static Optional<PdaStatus> fromLegacy(String text) {
        if (TextNormalizer.isBlank(text)) {
            return Optional.of(PENDING);
        }
        String folded = TextNormalizer.fold(text);
        for (PdaStatus status : values()) {
            if (TextNormalizer.fold(status.name()).equals(folded)) {
                return Optional.of(status);
            }
        }
        return Optional.ofNullable(LEGACY.get(folded));
    }
}
