/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Optional;

/**
 * The body a Teams Workflows "when a Teams webhook request is received" trigger expects: a message whose one
 * attachment is an Adaptive Card (1.4: what the "post card in a chat or channel" action renders; 1.5 elements are
 * dropped silently on some clients). The retired Office 365 connector format (MessageCard) is not used.
 */
final class TeamsCard {

    private static final Map<String, String> TITLES = Map.of(
            "anomaly_alert", "Cost anomaly", "finding", "Finding", "policy_violation", "Policy violation",
            "approval_task", "Approval needed", "close_review", "Close review", "reconciliation_breach", "Reconciliation breach",
            "ingestion_failure", "Ingestion failure", "sli_breach", "SLI breach");

    private TeamsCard() {
    }

    static String of(ObjectMapper json, JsonNode event, Optional<String> consoleLink) {
        String kind = event.path("kind").asText();
        JsonNode payload = event.path("payload");
        String type = event.path("subject").path("type").asText();
        String id = event.path("subject").path("id").asText();
        ObjectNode root = json.createObjectNode().put("type", "message");
        ObjectNode attachment = root.putArray("attachments").addObject();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.putNull("contentUrl");
        ObjectNode card = attachment.putObject("content");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json").put("type", "AdaptiveCard").put("version", "1.4");
        ArrayNode body = card.putArray("body");
        body.addObject().put("type", "TextBlock").put("size", "Large").put("weight", "Bolder").put("wrap", true)
                .put("text", TITLES.getOrDefault(kind, "Outlay event"));
        String summary = first(payload, "summary", "reason", "title", "detail");
        if (summary != null) body.addObject().put("type", "TextBlock").put("wrap", true).put("text", summary);
        ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
        fact(facts, "Owner", event.path("owner").asText(null));
        fact(facts, "Environment", event.path("environment").asText(null));
        fact(facts, "Severity", event.path("severity").asText(null));
        JsonNode amount = event.path("amount");
        if (amount.isObject()) fact(facts, "Amount", amount.path("value").asText() + " " + amount.path("currency").asText());
        fact(facts, "Subject", type + " " + id);
        body.addObject().put("type", "TextBlock").put("isSubtle", true).put("size", "Small").put("wrap", true)
                .put("text", "Outlay event " + event.path("eventId").asText());
        consoleLink.ifPresent(link -> card.putArray("actions").addObject().put("type", "Action.OpenUrl")
                .put("title", "approval_task".equals(kind) ? "Open the task in Outlay" : "Open in Outlay")
                .put("url", link.replace("{type}", type).replace("{id}", id)));
        return root.toString();
    }

    private static void fact(ArrayNode facts, String title, String value) {
        if (value == null || value.isBlank()) return;
        facts.addObject().put("title", title).put("value", value);
    }

    private static String first(JsonNode payload, String... names) {
        for (String n : names) {
            if (payload.hasNonNull(n) && !payload.get(n).asText().isBlank()) return payload.get(n).asText();
        }
        return null;
    }
}
