package dev.outlay.model;

/** FOCUS 1.2 ChargeCategory: the highest-level classification of a charge. */
public enum ChargeCategory implements FocusValue {
    USAGE("Usage"),
    PURCHASE("Purchase"),
    TAX("Tax"),
    CREDIT("Credit"),
    ADJUSTMENT("Adjustment");

    private final String focusValue;

    ChargeCategory(String focusValue) {
        this.focusValue = focusValue;
    }

    @Override
    public String focusValue() {
        return focusValue;
    }

    public static ChargeCategory parse(String text) {
        return FocusValue.parse(ChargeCategory.class, text);
    }
}
