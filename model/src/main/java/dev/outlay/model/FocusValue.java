package dev.outlay.model;

/** An enum constant of a fixed FOCUS vocabulary; {@link #focusValue()} is the exact string the spec allows. */
public interface FocusValue {

    String focusValue();

    /**
     * Strict parse: the exact FOCUS spelling or an exception naming the allowed values. Callers that tolerate
     * vendor quirks (case differences) use {@link #parseIgnoringCase} and flag the row themselves.
     */
    static <E extends Enum<E> & FocusValue> E parse(Class<E> type, String text) {
        for (E e : type.getEnumConstants()) {
            if (e.focusValue().equals(text)) return e;
        }
        throw new IllegalArgumentException("'" + text + "' is not a " + type.getSimpleName() + " (allowed: " + allowed(type) + ")");
    }

    /** Case-insensitive match, or null when the text matches no value even ignoring case. */
    static <E extends Enum<E> & FocusValue> E parseIgnoringCase(Class<E> type, String text) {
        if (text == null) return null;
        String t = text.trim();
        for (E e : type.getEnumConstants()) {
            if (e.focusValue().equalsIgnoreCase(t)) return e;
        }
        return null;
    }

    static <E extends Enum<E> & FocusValue> String allowed(Class<E> type) {
        StringBuilder sb = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(e.focusValue());
        }
        return sb.toString();
    }
}
