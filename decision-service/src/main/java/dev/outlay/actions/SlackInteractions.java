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
import dev.outlay.api.problem.ProblemException;
import dev.outlay.tenancy.Caller;
import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.UserDirectory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * Slack's interactivity requests (a button pressed on an approval message). Slack posts
 * {@code application/x-www-form-urlencoded} with one field, {@code payload}, holding JSON. Order matters: the
 * signature over the raw body and the five-minute window first, then the replay check (an accepted signature is
 * never accepted again), then the mapping of the Slack user to an Outlay user of the connection's tenant, and only
 * then the decision, through the inbox's rules as that user. A refusal after the signature check (unmapped user,
 * four-eyes) is answered 200 with the reason, as Slack shows nothing for non-200 answers but an error icon; the
 * pressing user also sees it (ephemeral) on the interaction's {@code response_url}, and a decision replaces the
 * pressed message there with the outcome ({@link SlackResponder}).
 */
@ApplicationScoped
public class SlackInteractions {

    @Inject
    InboundConnection inbound;

    @Inject
    InboundReceipts receipts;

    @Inject
    UserDirectory users;

    @Inject
    ObjectMapper json;

    @Inject
    Instance<TaskDecider> deciders;

    @Inject
    SlackResponder responder;

    public HookOutcome receive(String tenant, String integrationId, String timestamp, String signature, String body) {
        return inbound.as(tenant, integrationId, "slack", (connection, signingSecret) -> {
            String raw = body == null ? "" : body;
            if (!SlackSignature.verify(signingSecret, timestamp, raw, signature, Instant.now().getEpochSecond())) {
                throw ProblemException.unauthorized(InboundConnection.REFUSED);
            }
            // The receipt commits on its own: a replay is refused even if the decision below is refused too.
            if (!QuarkusTransaction.requiringNew().call(() -> receipts.first(connection.id(), "slack:" + signature))) {
                throw ProblemException.unauthorized("This signed request was already received (replay).");
            }
            JsonNode payload = payload(raw);
            if (!"block_actions".equals(payload.path("type").asText())) return HookOutcome.of("ignored");
            JsonNode action = payload.path("actions").path(0);
            String decision = SlackMessage.DECISIONS.get(action.path("action_id").asText());
            String subjectId = action.path("value").asText("");
            if (decision == null || subjectId.isEmpty()) return HookOutcome.of("ignored");
            String slackUser = payload.path("user").path("id").asText("");
            String responseUrl = payload.path("response_url").asText(null);
            String subject = connection.users() == null ? null : connection.users().get(slackUser);
            if (subject == null) {
                return refused(responseUrl, subjectId, "Slack user " + slackUser + " is not linked to an Outlay user");
            }
            Optional<Caller> caller = users.known(subject);
            if (caller.isEmpty()) {
                return refused(responseUrl, subjectId, "Outlay user " + subject + " has not signed in to this tenant");
            }
            TaskDecider decider = deciders.stream().filter(d -> d.subjectType().equals("spend_request")).findFirst().orElseThrow();
            String state;
            try {
                state = TenantContext.runAs(caller.get(), () -> QuarkusTransaction.requiringNew()
                        .call(() -> decider.decide(subjectId, decision, "via Slack (" + slackUser + ")")));
            } catch (ProblemException e) {
                return refused(responseUrl, subjectId, e.problem().detail());
            }
            responder.replace(responseUrl, "spend_request", subjectId, payload.path("channel").path("id").asText(""),
                    payload.path("container").path("message_ts").asText(""), state);
            return new HookOutcome("decided", "spend_request", subjectId, null, state, "by " + subject);
        });
    }

    private HookOutcome refused(String responseUrl, String subjectId, String reason) {
        responder.refuse(responseUrl, reason);
        return new HookOutcome("refused", "spend_request", subjectId, null, null, reason);
    }

    private JsonNode payload(String raw) {
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals("payload")) {
                try {
                    return json.readTree(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    throw ProblemException.badRequest("The payload field is not JSON.");
                }
            }
        }
        throw ProblemException.badRequest("A form field named payload is required.");
    }
}
