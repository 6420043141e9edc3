package dev.outlay.model;

/** FOCUS 1.2 ChargeClass: only value is Correction (null means a regular charge). */
public enum ChargeClass implements FocusValue {
    CORRECTION("Correction");

    private final String focusValue;

    ChargeClass(String focusValue) {
        this.focusValue = focusValue;
    }

    @Override
    public String focusValue() {
        return focusValue;
    }

    public static ChargeClass parse(String text) {
        return FocusValue.parse(ChargeClass.class, text);
    }
}
