package ca.ptm.nocturne.imports.supplies;

import java.math.BigDecimal;

/** The display names, category and variant of a product, from the display-names export. */
public record ProductDisplay(long productId, String nameFr, String nameEn, String category, String variantGroup,
                             String variantLabel, Integer displayOrder, String gazelleMslId, Boolean hasCommission,
                             BigDecimal commissionRate, Boolean active) {
}
