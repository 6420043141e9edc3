package dev.outlay.model;

/** FOCUS 1.2 PricingCategory. */
public enum PricingCategory implements FocusValue {
    STANDARD("Standard"),
    COMMITTED("Committed"),
    DYNAMIC("Dynamic"),
    OTHER("Other");

    private final String focusValue;

    PricingCategory(String focusValue) {
        this.focusValue = focusValue;
    }

    @Override
    public String focusValue() {
        return focusValue;
    }

    public static PricingCategory parse(String text) {
        return FocusValue.parse(PricingCategory.class, text);
    }
}
