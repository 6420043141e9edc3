/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.actions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/**
 * Microsoft Teams through a Workflows (Power Automate) webhook trigger. The trigger URL is the credential (its
 * {@code sig} query parameter), so it is the connection's sealed secret. The trigger answers 202 once the flow run
 * is queued; it has no idempotency key, so like Slack only a crash between its answer and our commit can post twice.
 * A test send posts a card saying so.
 */
@ApplicationScoped
public class TeamsChannel implements Channel {

    @Inject
    ActionsConfig config;

    @Inject
    ObjectMapper json;

    @Override
    public String kind() {
        return "teams";
    }

    @Override
    public SendResult send(Integration connection, String triggerUrl, Outbound message) {
        JsonNode event;
        try {
            event = json.readTree(message.body());
        } catch (JsonProcessingException e) {
            return new SendResult(null, null, "event body unreadable: " + e.getOriginalMessage());
        }
        String body = "outlay.test".equals(event.path("type").asText())
                ? TeamsCard.of(json, json.createObjectNode().put("kind", "test").put("eventId", event.path("testId").asText())
                        .set("payload", json.createObjectNode().put("summary", "Outlay test message: this connection works.")), java.util.Optional.empty())
                : TeamsCard.of(json, event, config.consoleLink());
        URI uri;
        try {
            uri = URI.create(triggerUrl);
        } catch (IllegalArgumentException e) {
            return new SendResult(400, null, "the workflow URL is not a URL");
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(config.httpTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return Http.send(config, request);
    }
}
