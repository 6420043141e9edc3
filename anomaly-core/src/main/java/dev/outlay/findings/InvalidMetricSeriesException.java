package dev.outlay.findings;

/** A metric series the engine refuses: negative values, overlapping periods, a period crossing midnight. */
public class InvalidMetricSeriesException extends RuntimeException {

    private final String resourceId;
    private final String field;

    public InvalidMetricSeriesException(String resourceId, String field, String message) {
        super(message);
        this.resourceId = resourceId;
        this.field = field;
    }

    public String resourceId() {
        return resourceId;
    }

    /** The sample field at fault (average, maximum, sum, periodStart). */
    public String field() {
        return field;
    }
}
