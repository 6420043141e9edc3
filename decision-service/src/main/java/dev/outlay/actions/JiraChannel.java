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
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Jira Cloud REST v3: one issue per subject and connection. Outlay keeps the link (subject → issue key) itself and
 * checks it before creating, because Jira's search is eventually consistent and has no idempotency key: a second
 * event about the same subject, or a retry after a lost answer, finds the link and creates nothing. The secret is
 * {@code <account e-mail>:<API token>} (Jira Cloud's basic auth for API tokens). A test send creates no issue: it
 * reads the project, which proves the credentials and the project key.
 */
@ApplicationScoped
public class JiraChannel implements Channel {

    @Inject
    ActionsConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    ExternalLinks links;

    @Override
    public String kind() {
        return "jira";
    }

    @Override
    public SendResult send(Integration connection, String secret, Outbound message) {
        EventBody event;
        try {
            event = EventBody.read(json, message);
        } catch (JsonProcessingException e) {
            return EventBody.unreadable(e);
        }
        String base = connection.url().replaceAll("/+$", "");
        String auth = "Basic " + Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
        if (event.test()) {
            HttpRequest probe = HttpRequest.newBuilder(URI.create(base + "/rest/api/3/project/" + connection.channel()))
                    .timeout(config.httpTimeout()).header("Authorization", auth).header("Accept", "application/json").GET().build();
            return Http.send(config, probe);
        }
        String subjectType = event.subjectType();
        String subjectId = event.subjectId();
        Optional<ExternalLink> existing = links.forSubject(connection.id(), subjectType, subjectId);
        if (existing.isPresent()) return new SendResult(200, null, null, existing.get().key());
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/rest/api/3/issue"))
                .timeout(config.httpTimeout())
                .header("Authorization", auth)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JiraIssue.of(json, connection, event.node()), StandardCharsets.UTF_8))
                .build();
        Http.Answer http = Http.exchange(config, request);
        if (http.status() == null || http.status() / 100 != 2) return http.result();
        String key;
        try {
            key = json.readTree(http.body() == null ? "{}" : http.body()).path("key").asText("");
        } catch (JsonProcessingException e) {
            key = "";
        }
        if (key.isEmpty()) return new SendResult(502, null, "Jira answered " + http.status() + " without an issue key");
        links.insert(connection.id(), subjectType, subjectId, key, base + "/browse/" + key, message.deliveryId());
        return new SendResult(http.status(), null, null, key);
    }
}
