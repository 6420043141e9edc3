package dev.outlay.carbon.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A factor set's identity and provenance. {@code version} is the SHA-256 of its canonical JSON; {@code bundled} marks
 * the set shipped with the service; {@code isDefault} the one a report uses when no {@code factorSet} is asked for.
 */
public record FactorSetSummary(String version, String name, String source, LocalDate publishedOn, LocalDate retrievedOn, String note,
                               boolean bundled, boolean isDefault, String createdBy, Instant createdAt) {
}
