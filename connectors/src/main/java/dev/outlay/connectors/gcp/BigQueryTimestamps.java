package dev.outlay.connectors.gcp;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * TIMESTAMP cells over the REST API: seconds since the epoch as a decimal string ("1.7040672E9",
 * "1704067200.123456"), or integer microseconds when the client asks for {@code formatOptions.useInt64Timestamp}.
 */
final class BigQueryTimestamps {

    /** Integer values above this are microseconds; as seconds they would lie after the year 5138. */
    private static final long MICROS_THRESHOLD = 100_000_000_000L;

    private BigQueryTimestamps() {
    }

    static Instant parse(String text) {
        try {
            BigDecimal d = new BigDecimal(text.trim());
            boolean integral = text.indexOf('.') < 0 && text.indexOf('E') < 0 && text.indexOf('e') < 0;
            BigDecimal micros = integral && d.abs().longValueExact() > MICROS_THRESHOLD ? d : d.movePointRight(6);
            long us = micros.setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
            return Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1_000L);
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
