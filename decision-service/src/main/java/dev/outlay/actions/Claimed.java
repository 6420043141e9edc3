package dev.outlay.actions;

import java.util.UUID;

/** A delivery the worker holds a lease on; {@code leaseExpired} when a previous worker died holding it. */
record Claimed(UUID id, UUID eventId, String channel, String target, String idempotencyKey, int attempt, boolean leaseExpired) {
}
