package dev.outlay.connectors;

/** A connection's configuration (e.g. an invoice column mapping) is invalid; names the offending field. */
public class InvalidConfigException extends IllegalArgumentException {

    private final String field;

    public InvalidConfigException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
