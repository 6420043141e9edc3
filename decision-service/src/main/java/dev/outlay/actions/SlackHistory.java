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
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * Finds a message Outlay already posted for an event, for the resend after a worker died between Slack's answer and
 * the delivery's completion: {@code chat.postMessage} has no idempotency key, but every message names its event id
 * in its context block, so {@code conversations.history} since the event was written tells whether it went out.
 * Needs the bot's {@code channels:history} (public) or {@code groups:history} (private) scope and a channel id; when
 * the lookup is not possible (no scope, a channel name, Slack down) the caller posts again, as before.
 */
@ApplicationScoped
public class SlackHistory {

    private static final Logger LOG = Logger.getLogger(SlackHistory.class);
    /** Pages of 200 messages; a channel busier than that in a lease's time is not searched to its end. */
    private static final int PAGES = 5;

    @Inject
    ActionsConfig config;

    @Inject
    ObjectMapper json;

    /** The {@code channel:ts} of the bot's message naming {@code eventId}, posted since {@code since}. */
    Optional<String> posted(Integration connection, String token, String eventId, Instant since) {
        String base = connection.url().replaceAll("/+$", "") + "/conversations.history?channel="
                + URLEncoder.encode(connection.channel(), StandardCharsets.UTF_8) + "&oldest=" + since.getEpochSecond() + ".000000&limit=200";
        String cursor = null;
        for (int page = 0; page < PAGES; page++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8))))
                    .timeout(config.httpTimeout()).header("Authorization", "Bearer " + token).GET().build();
            Http.Answer a = Http.exchange(config, request);
            JsonNode answer;
            try {
                answer = a.status() != null && a.status() == 200 ? json.readTree(a.body() == null ? "{}" : a.body()) : null;
            } catch (JsonProcessingException e) {
                answer = null;
            }
            if (answer == null || !answer.path("ok").asBoolean(false)) {
                LOG.infof("cannot look for event %s in Slack channel %s (%s); posting again", eventId, connection.channel(),
                        answer == null ? a.result().error() : answer.path("error").asText());
                return Optional.empty();
            }
            for (JsonNode m : answer.path("messages")) {
                if (m.path("blocks").toString().contains("event " + eventId)) return Optional.of(connection.channel() + ":" + m.path("ts").asText());
            }
            cursor = answer.path("response_metadata").path("next_cursor").asText("");
            if (!answer.path("has_more").asBoolean(false) || cursor.isEmpty()) return Optional.empty();
        }
        return Optional.empty();
    }
}
