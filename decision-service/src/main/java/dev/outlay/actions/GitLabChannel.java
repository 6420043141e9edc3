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
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * GitLab pipeline trigger ({@code POST /api/v4/projects/:id/trigger/pipeline} with a pipeline trigger token, form
 * encoded). The event goes in as {@code OUTLAY_*} CI variables. GitLab answers 201 with the pipeline, whose
 * {@code web_url} is kept as the run's evidence link on the subject; one pipeline per subject and connection. GitLab
 * answers an unknown trigger token with 404, which holds the delivery and marks the connection unhealthy.
 */
@ApplicationScoped
public class GitLabChannel implements Channel {

    @Inject
    ActionsConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    ExternalLinks links;

    @Override
    public String kind() {
        return "gitlab";
    }

    @Override
    public SendResult send(Integration connection, String token, Outbound message) {
        EventBody event;
        try {
            event = EventBody.read(json, message);
        } catch (JsonProcessingException e) {
            return EventBody.unreadable(e);
        }
        boolean test = event.test();
        String subjectType = event.subjectType();
        String subjectId = event.subjectId();
        if (!test) {
            Optional<ExternalLink> existing = links.forSubject(connection.id(), subjectType, subjectId);
            if (existing.isPresent()) return new SendResult(200, null, null, existing.get().url());
        }
        StringBuilder form = new StringBuilder("token=").append(enc(token)).append("&ref=").append(enc(connection.ref() == null ? "main" : connection.ref()));
        Map<String, String> inputs = test ? Map.of("testId", event.node().path("testId").asText()) : Dispatch.inputs(event.node(), config.consoleLink());
        inputs.forEach((k, v) -> form.append("&variables[").append(enc("OUTLAY_" + k.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase()))
                .append("]=").append(enc(v)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(connection.url().replaceAll("/+$", "") + "/api/v4/projects/" + connection.channel()
                        + "/trigger/pipeline"))
                .timeout(config.httpTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString(), StandardCharsets.UTF_8))
                .build();
        Http.Answer a = Http.exchange(config, request);
        if (a.status() == null || a.status() / 100 != 2 || test) return a.result();
        String url;
        String id;
        try {
            JsonNode pipeline = json.readTree(a.body() == null ? "{}" : a.body());
            url = pipeline.path("web_url").asText("");
            id = pipeline.path("id").asText("");
        } catch (JsonProcessingException e) {
            url = "";
            id = "";
        }
        if (url.isEmpty()) return new SendResult(502, null, "GitLab answered " + a.status() + " without a pipeline");
        links.insert(connection.id(), subjectType, subjectId, "pipeline:" + id, url, message.deliveryId());
        return new SendResult(a.status(), null, null, url);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
