package dev.outlay.actions;

import java.util.UUID;

/**
 * One delivery to send: its id and idempotency key, and the event body as JSON text (the same bytes on every attempt).
 * {@code resend}: a previous attempt died between its call and its completion, so the receiver may already have it;
 * a channel whose receiver has no idempotency key can look before sending again.
 */
public record Outbound(UUID deliveryId, String idempotencyKey, String body, boolean resend) {

    public Outbound(UUID deliveryId, String idempotencyKey, String body) {
        this(deliveryId, idempotencyKey, body, false);
    }
}
