package dev.outlay.anomalies.benchmark;

import java.time.LocalDate;

/** Size and seed of a generated benchmark; the same config always yields the same series and labels. */
public record BenchmarkConfig(long seed, int seriesPerKind, int controlSeries, int days, LocalDate start) {

    /** The README table: 200 series per kind, 1,000 control series, one year from 2025-01-01. */
    public static BenchmarkConfig standard() {
        return new BenchmarkConfig(20250101L, 200, 1000, 365, LocalDate.of(2025, 1, 1));
    }
}
