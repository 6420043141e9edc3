package dev.outlay.findings;

import java.time.Instant;
import java.util.UUID;

/** One status change of a finding, as the append-only history keeps it. {@code from} is null for the detection. */
public record FindingEvent(long id, Instant at, String actor, String from, String to, String reason, UUID scanId) {
}
