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
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * GitHub remediation dispatch, one per subject and connection (the kept link), so a repeated event does not start a
 * second remediation. Two shapes, by the connection's channel:
 * <ul>
 * <li>{@code owner/name}: {@code repository_dispatch} with event type {@code outlay.<kind>} and the event and evidence
 * link as {@code client_payload}. GitHub answers 204 with no run id, so the evidence kept is the link to the
 * repository's dispatch-triggered runs.</li>
 * <li>{@code owner/name:workflow.yml} (with {@code ref}): {@code workflow_dispatch} with {@code return_run_details},
 * which answers 200 with the run's id and web URL (GitHub, February 2026): the evidence is the run itself. A
 * workflow refuses inputs it does not declare (422), so everything travels as one JSON string input {@code outlay}
 * that the workflow declares. A server that predates run details answers 204; the runs list is kept then.</li>
 * </ul>
 * The token (fine-grained; "Contents: write" for repository_dispatch, "Actions: write" for workflow_dispatch) is
 * the secret.
 */
@ApplicationScoped
public class GitHubChannel implements Channel {

    @Inject
    ActionsConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    ExternalLinks links;

    @Override
    public String kind() {
        return "github";
    }

    @Override
    public SendResult send(Integration connection, String token, Outbound message) {
        EventBody event;
        try {
            event = EventBody.read(json, message);
        } catch (JsonProcessingException e) {
            return EventBody.unreadable(e);
        }
        String api = connection.url().replaceAll("/+$", "");
        boolean test = event.test();
        String subjectType = event.subjectType();
        String subjectId = event.subjectId();
        if (!test) {
            Optional<ExternalLink> existing = links.forSubject(connection.id(), subjectType, subjectId);
            if (existing.isPresent()) return new SendResult(200, null, null, existing.get().url());
        }
        int colon = connection.channel().indexOf(':');
        String repo = colon < 0 ? connection.channel() : connection.channel().substring(0, colon);
        ObjectNode body = json.createObjectNode();
        ObjectNode inputs = json.createObjectNode();
        if (test) inputs.put("testId", event.node().path("testId").asText());
        else Dispatch.inputs(event.node(), config.consoleLink()).forEach(inputs::put);
        String path;
        if (colon < 0) {
            path = "/repos/" + repo + "/dispatches";
            body.put("event_type", test ? "outlay.test" : "outlay." + event.node().path("kind").asText());
            body.set("client_payload", inputs);
        } else {
            path = "/repos/" + repo + "/actions/workflows/" + connection.channel().substring(colon + 1) + "/dispatches";
            body.put("ref", connection.ref());
            body.putObject("inputs").put("outlay", inputs.toString());
            body.put("return_run_details", true);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + path))
                .timeout(config.httpTimeout())
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        Http.Answer answer = Http.exchange(config, request);
        SendResult r = answer.result();
        if (!r.ok() || test) return r;
        String key = "dispatch:" + message.deliveryId();
        String link = web(api) + "/" + repo + "/actions?query=event%3A" + (colon < 0 ? "repository_dispatch" : "workflow_dispatch");
        RunDetails run = RunDetails.read(json, answer.body());
        if (run != null) {
            key = "run:" + run.id();
            link = run.htmlUrl();
        }
        links.insert(connection.id(), subjectType, subjectId, key, link, message.deliveryId());
        return new SendResult(r.status(), null, null, link);
    }

    /** {@code workflow_run_id} and {@code html_url} of a workflow_dispatch answered with run details, or null. */
    record RunDetails(long id, String htmlUrl) {
        static RunDetails read(ObjectMapper json, String body) {
            if (body == null || body.isBlank()) return null;
            try {
                var node = json.readTree(body);
                if (!node.path("workflow_run_id").canConvertToLong() || !node.path("html_url").isTextual()) return null;
                return new RunDetails(node.path("workflow_run_id").asLong(), node.path("html_url").asText());
            } catch (JsonProcessingException e) {
                return null;
            }
        }
    }

    /** The web host for an API base: api.github.com → github.com; GitHub Enterprise Server serves the API under /api/v3. */
    static String web(String api) {
        if (api.equals(IntegrationInput.GITHUB_API)) return "https://github.com";
        return api.endsWith("/api/v3") ? api.substring(0, api.length() - "/api/v3".length()) : api;
    }
}
