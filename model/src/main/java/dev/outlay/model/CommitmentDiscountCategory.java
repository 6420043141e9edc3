package dev.outlay.model;

/** FOCUS 1.2 CommitmentDiscountCategory: whether a commitment is measured in spend or in usage. */
public enum CommitmentDiscountCategory implements FocusValue {
    SPEND("Spend"),
    USAGE("Usage");

    private final String focusValue;

    CommitmentDiscountCategory(String focusValue) {
        this.focusValue = focusValue;
    }

    @Override
    public String focusValue() {
        return focusValue;
    }

    public static CommitmentDiscountCategory parse(String text) {
        return FocusValue.parse(CommitmentDiscountCategory.class, text);
    }
}
