package ca.ptm.nocturne.gazelle.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import tools.jackson.databind.JsonNode;

/** Gazelle counts money in cents; the tables hold dollars with two decimals. */
public final class Money {

    private static final int CENT_DIGITS = 2;

    private Money() {
    }

    /**
     * @return dollars with scale 2, or null for a Java null, a missing node or a JSON null
     * @throws IllegalArgumentException when the node is neither a number nor a numeric string
     */
    public static BigDecimal fromCents(JsonNode cents) {
        if (cents == null || cents.isNull() || cents.isMissingNode()) {
            return null;
        }
        if (cents.isNumber()) {
            return toDollars(cents.decimalValue());
        }
        if (cents.isString()) {
            try {
                return toDollars(new BigDecimal(cents.asString().strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Montant en cents invalide : « " + cents.asString() + " »", e);
            }
        }
        throw new IllegalArgumentException("Montant en cents invalide : « " + cents + " »");
    }

    /** @return dollars with scale 2, or null for null */
    public static BigDecimal fromCents(Long cents) {
        return cents == null ? null : toDollars(BigDecimal.valueOf(cents));
    }

    private static BigDecimal toDollars(BigDecimal cents) {
        // A fractional cent cannot be stored in numeric(12,2); rounding half-up is what a cash register would do.
        return cents.movePointLeft(CENT_DIGITS).setScale(CENT_DIGITS, RoundingMode.HALF_UP);
    }
}
