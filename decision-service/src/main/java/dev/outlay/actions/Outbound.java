package dev.outlay.actions;

import java.util.UUID;

/** One delivery to send: its id and idempotency key, and the event body as JSON text (the same bytes on every attempt). */
public record Outbound(UUID deliveryId, String idempotencyKey, String body) {
}
