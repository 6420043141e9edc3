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
import java.time.Duration;
import java.util.Set;

/**
 * Slack Web API {@code chat.postMessage} with a bot token. Slack answers most failures with HTTP 200 and
 * {@code {"ok":false,"error":"…"}}, so the body decides: token and channel errors mean the connection is wrong
 * (held, unhealthy), {@code ratelimited} is a retry, anything else is dead. Slack has no idempotency key: a resend
 * after a crash mid-send first looks for the message in the channel ({@link SlackHistory}) and posts only if it is
 * not there (without the history scope it posts, and the message can show twice).
 */
@ApplicationScoped
public class SlackChannel implements Channel {

    private static final Set<String> CONNECTION_ERRORS = Set.of("invalid_auth", "not_authed", "account_inactive", "token_revoked",
            "token_expired", "missing_scope", "channel_not_found", "not_in_channel", "is_archived", "no_permission");

    @Inject
    ActionsConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    SlackHistory history;

    @Override
    public String kind() {
        return "slack";
    }

    @Override
    public SendResult send(Integration connection, String token, Outbound message) {
        String body;
        JsonNode event;
        try {
            event = json.readTree(message.body());
            body = SlackMessage.of(json, connection.channel(), event);
        } catch (JsonProcessingException e) {
            return new SendResult(null, null, "event body unreadable: " + e.getOriginalMessage());
        }
        if (message.resend() && event.path("createdAt").isTextual()) {
            java.util.Optional<String> posted = history.posted(connection, token, event.path("eventId").asText(),
                    java.time.Instant.parse(event.path("createdAt").asText()));
            if (posted.isPresent()) return new SendResult(200, null, null, posted.get());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(connection.url().replaceAll("/+$", "") + "/chat.postMessage"))
                .timeout(config.httpTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        Http.Answer http = Http.exchange(config, request);
        if (http.status() == null || http.status() != 200) return http.result();
        JsonNode answer;
        try {
            answer = json.readTree(http.body() == null ? "{}" : http.body());
        } catch (JsonProcessingException e) {
            return new SendResult(502, null, "Slack answered something that is not JSON");
        }
        if (answer.path("ok").asBoolean(false)) {
            return new SendResult(200, null, null, answer.path("channel").asText("") + ":" + answer.path("ts").asText(""));
        }
        String error = answer.path("error").asText("unknown_error");
        if (CONNECTION_ERRORS.contains(error)) return new SendResult(401, null, "slack: " + error);
        if ("ratelimited".equals(error)) return new SendResult(429, http.retryAfter() == null ? Duration.ofSeconds(30) : http.retryAfter(), "slack: " + error);
        return new SendResult(400, null, "slack: " + error);
    }
}
