/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.actions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Generic outgoing webhook: POSTs the event JSON, signed (see {@link WebhookSignature}), with its idempotency key. */
@ApplicationScoped
public class WebhookChannel implements Channel {

    @Inject
    ActionsConfig config;

    @Override
    public String kind() {
        return "webhook";
    }

    @Override
    public SendResult send(Integration connection, String secret, Outbound message) {
        long ts = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(connection.url()))
                .timeout(config.httpTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Outlay-Webhook/1")
                .header("Idempotency-Key", message.idempotencyKey())
                .header("X-Outlay-Delivery", message.deliveryId().toString())
                .header(WebhookSignature.TIMESTAMP, Long.toString(ts))
                .header(WebhookSignature.HEADER, WebhookSignature.sign(secret, ts, message.body()))
                .POST(HttpRequest.BodyPublishers.ofString(message.body(), StandardCharsets.UTF_8))
                .build();
        return Http.send(config, request);
    }
}
