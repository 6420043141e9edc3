package dev.outlay.console;

/** Query and form values as pages read them: an absent field echoes back as "", a blank one filters nothing. */
public final class FormValues {

    private FormValues() {
    }

    /** The value to echo into the form's field. */
    public static String echo(String v) {
        return v == null ? "" : v;
    }

    /** The value to filter by: null when the field was left empty. */
    public static String given(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }
}
