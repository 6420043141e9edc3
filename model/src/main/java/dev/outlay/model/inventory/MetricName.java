package dev.outlay.model.inventory;

import java.util.Locale;
import java.util.Optional;

/** Utilization metrics findings read, with the unit every source is converted to. */
public enum MetricName {
    CPU_UTILIZATION("cpu-utilization", "percent"),
    MEMORY_UTILIZATION("memory-utilization", "percent"),
    NETWORK_IN("network-in", "bytes"),
    NETWORK_OUT("network-out", "bytes"),
    VOLUME_READ_OPS("volume-read-ops", "count"),
    VOLUME_WRITE_OPS("volume-write-ops", "count"),
    REQUEST_COUNT("request-count", "count"),
    DB_CONNECTIONS("db-connections", "count");

    private final String wireName;
    private final String unit;

    MetricName(String wireName, String unit) {
        this.wireName = wireName;
        this.unit = unit;
    }

    public String wireName() {
        return wireName;
    }

    /** percent (0–100), bytes or count; a source in other units converts before it builds a sample. */
    public String unit() {
        return unit;
    }

    public static Optional<MetricName> fromWire(String text) {
        if (text == null) return Optional.empty();
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (MetricName m : values()) {
            if (m.wireName.equals(t)) return Optional.of(m);
        }
        return Optional.empty();
    }
}
