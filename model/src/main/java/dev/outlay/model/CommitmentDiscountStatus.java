package dev.outlay.model;

/** FOCUS 1.2 CommitmentDiscountStatus: whether a commitment-covered charge consumed (Used) or wasted (Unused) the commitment. */
public enum CommitmentDiscountStatus implements FocusValue {
    USED("Used"),
    UNUSED("Unused");

    private final String focusValue;

    CommitmentDiscountStatus(String focusValue) {
        this.focusValue = focusValue;
    }

    @Override
    public String focusValue() {
        return focusValue;
    }

    public static CommitmentDiscountStatus parse(String text) {
        return FocusValue.parse(CommitmentDiscountStatus.class, text);
    }
}
