package dev.outlay.inventory;

import java.time.Instant;
import java.util.UUID;

/**
 * What one stored import did.
 *
 * @param days         daily aggregates written (metrics)
 * @param gapDays      of those, days with less than 86 400 covered seconds
 * @param markedAbsent items of the same source this full snapshot no longer lists, now {@code present = false}
 */
public record ImportResult(UUID id, String source, String content, String format, String fileSha256, int items,
                           int samples, int days, int gapDays, int markedAbsent, Instant createdAt) {
}
