package dev.outlay.model;

/** FOCUS 1.2 ChargeFrequency. */
public enum ChargeFrequency implements FocusValue {
    ONE_TIME("One-Time"),
    RECURRING("Recurring"),
    USAGE_BASED("Usage-Based");

    private final String focusValue;

    ChargeFrequency(String focusValue) {
        this.focusValue = focusValue;
    }

    @Override
    public String focusValue() {
        return focusValue;
    }

    public static ChargeFrequency parse(String text) {
        return FocusValue.parse(ChargeFrequency.class, text);
    }
}
