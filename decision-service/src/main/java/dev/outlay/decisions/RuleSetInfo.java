package dev.outlay.decisions;

import java.time.Instant;

/** A tenant's rule set: its kind, whether it ships with Outlay, and the active version (null when none). */
public record RuleSetInfo(String name, RuleKind kind, boolean bundled, String activeHash, int versions, Instant createdAt) {
}
