/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
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
