package dev.outlay.connectors.gcp;

import dev.outlay.model.ChargeCategory;

/** The export's {@code cost_type}. Google writes "rounding_error" in current exports and "rounding error" in old docs. */
enum CostType {
    REGULAR(ChargeCategory.USAGE),
    TAX(ChargeCategory.TAX),
    ADJUSTMENT(ChargeCategory.ADJUSTMENT),
    ROUNDING_ERROR(ChargeCategory.ADJUSTMENT);

    final ChargeCategory category;

    CostType(ChargeCategory category) {
        this.category = category;
    }

    /** Null when the text is not a known cost type (the caller reports where). */
    static CostType parse(String text) {
        if (text == null) return null;
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "regular" -> REGULAR;
            case "tax" -> TAX;
            case "adjustment" -> ADJUSTMENT;
            case "rounding_error", "rounding error" -> ROUNDING_ERROR;
            default -> null;
        };
    }
}
