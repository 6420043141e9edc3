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
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Answers a Slack button press on the interaction's {@code response_url}: the pressed message is replaced by the
 * outcome and who acted ({@code replace_original}), a refusal is shown only to the user who pressed
 * ({@code response_type: ephemeral}). Slack wants the interaction request acknowledged within 3 s, so the post runs
 * on its own thread after the hook has answered; the URL needs no token (Slack accepts up to five posts to it within
 * 30 minutes). A failed post is logged: the decision stands, and {@code chat.update} still edits every message about
 * the subject.
 */
@ApplicationScoped
public class SlackResponder {

    private static final Logger LOG = Logger.getLogger(SlackResponder.class);
    /** Where Slack's response URLs point; anything else in a signed payload is not followed (unless insecure URLs are allowed). */
    static final String SLACK_HOOKS_HOST = "hooks.slack.com";

    @Inject
    ActionsConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    DeliveryStore deliveries;

    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outlay-slack-response");
        t.setDaemon(true);
        return t;
    });

    @PreDestroy
    void stop() {
        sender.shutdown();
    }

    /** The pressed message (channel and ts of the interaction) replaced by its content with {@code state} instead of buttons. */
    void replace(String responseUrl, String subjectType, String subjectId, String channel, String messageTs, String state) {
        Optional<URI> url = target(responseUrl);
        if (url.isEmpty()) return;
        ObjectNode body = json.createObjectNode();
        Optional<JsonNode> event = deliveries.postedAbout(subjectType, subjectId, "slack").stream()
                .filter(d -> d.externalRef().equals(channel + ":" + messageTs)).findFirst().flatMap(d -> read(deliveries.body(d.id())));
        if (event.isPresent()) {
            try {
                body = (ObjectNode) json.readTree(SlackMessage.updated(json, channel, messageTs, event.get(), state));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            // response_url addresses the message itself: channel and ts are chat.update's, not this endpoint's.
            body.remove("channel");
            body.remove("ts");
        } else {
            body.put("text", state);
        }
        body.put("replace_original", true);
        post(url.get(), body.toString());
    }

    /** Only the user who pressed sees why nothing happened; the message keeps its buttons for the approvers who may. */
    void refuse(String responseUrl, String reason) {
        Optional<URI> url = target(responseUrl);
        if (url.isEmpty()) return;
        ObjectNode body = json.createObjectNode();
        body.put("response_type", "ephemeral");
        body.put("replace_original", false);
        body.put("text", "Not done: " + reason);
        post(url.get(), body.toString());
    }

    private Optional<URI> target(String responseUrl) {
        if (responseUrl == null || responseUrl.isBlank()) return Optional.empty();
        URI uri;
        try {
            uri = URI.create(responseUrl);
        } catch (IllegalArgumentException e) {
            LOG.warnf("ignoring a response_url that is not a URL: %s", Http.abbreviate(responseUrl));
            return Optional.empty();
        }
        if (!config.allowInsecureUrls() && !("https".equals(uri.getScheme()) && SLACK_HOOKS_HOST.equals(uri.getHost()))) {
            LOG.warnf("ignoring a response_url outside https://%s: %s", SLACK_HOOKS_HOST, uri.getHost());
            return Optional.empty();
        }
        return Optional.of(uri);
    }

    private void post(URI url, String body) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(config.httpTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        sender.execute(() -> {
            SendResult r = Http.send(config, request);
            if (!r.ok()) LOG.warnf("Slack response_url answered %s: %s", r.status(), r.error());
        });
    }

    private Optional<JsonNode> read(String body) {
        try {
            return Optional.of(json.readTree(body));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
