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
import dev.outlay.platform.Secrets;
import dev.outlay.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Edits the Slack messages already posted about a subject when it changes state ({@code chat.update} with the
 * channel and ts Slack gave us at post time), so a decided task shows its outcome and loses its buttons. Runs after
 * the change commits; a failed edit is logged and leaves the old message (the decision itself stands).
 */
@ApplicationScoped
public class SlackUpdater {

    private static final Logger LOG = Logger.getLogger(SlackUpdater.class);

    @Inject
    DeliveryStore deliveries;

    @Inject
    IntegrationStore integrations;

    @Inject
    Secrets secrets;

    @Inject
    ActionsConfig config;

    @Inject
    ObjectMapper json;

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) SubjectChanged e) {
        TenantContext.runAs(TenantContext.system(e.tenantId()), () -> {
            for (Delivery d : deliveries.postedAbout(e.subjectType(), e.subjectId(), "slack")) {
                try {
                    SendResult r = update(d, e.state());
                    if (!r.ok()) LOG.warnf("chat.update of delivery %s: %s", d.id(), r.error());
                } catch (RuntimeException ex) {
                    LOG.warnf(ex, "chat.update of delivery %s failed", d.id());
                }
            }
        });
    }

    SendResult update(Delivery d, String state) {
        int colon = d.externalRef().indexOf(':');
        if (colon <= 0) return new SendResult(null, null, "no channel:ts on the delivery");
        Optional<Integration> connection = integrations.findByName("slack", d.target());
        if (connection.isEmpty()) return new SendResult(null, null, IntegrationStore.missing("slack", d.target()));
        Integration c = connection.get();
        String token = secrets.box().open(integrations.sealedSecret(c.id()), TenantContext.requireTenant(), IntegrationService.purpose(c.id()));
        JsonNode event;
        try {
            event = json.readTree(deliveries.body(d.id()));
        } catch (JsonProcessingException ex) {
            return new SendResult(null, null, "event body unreadable");
        }
        String body = SlackMessage.updated(json, d.externalRef().substring(0, colon), d.externalRef().substring(colon + 1), event, state);
        HttpRequest request = HttpRequest.newBuilder(URI.create(c.url().replaceAll("/+$", "") + "/chat.update"))
                .timeout(config.httpTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        Http.Answer a = Http.exchange(config, request);
        if (a.status() == null || a.status() != 200) return a.result();
        // Slack reports failures inside HTTP 200 ({"ok":false,"error":…}).
        try {
            JsonNode answer = json.readTree(a.body() == null ? "{}" : a.body());
            return answer.path("ok").asBoolean(false) ? new SendResult(200, null, null) : new SendResult(400, null, "slack: " + answer.path("error").asText());
        } catch (JsonProcessingException ex) {
            return new SendResult(502, null, "Slack answered something that is not JSON");
        }
    }
}
