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

/** A {@code chat.postMessage} body with Block Kit blocks, built from the outbox's event JSON. */
final class SlackMessage {

    private static final Map<String, String> TITLES = Map.of(
            "anomaly_alert", "Cost anomaly", "finding", "Finding", "policy_violation", "Policy violation",
            "approval_task", "Approval needed", "close_review", "Close review", "reconciliation_breach", "Reconciliation breach",
            "ingestion_failure", "Ingestion failure", "sli_breach", "SLI breach");

    private SlackMessage() {
    }

    /** The action ids of the approval buttons; the interaction hook maps them to the inbox's decisions. */
    static final Map<String, String> DECISIONS = Map.of("outlay_approve", "approve", "outlay_reject", "reject", "outlay_more_info", "more-info");

    static String of(ObjectMapper json, String channel, JsonNode event) {
        return build(json, channel, event, null).toString();
    }

    /**
     * The {@code chat.update} body for a message already posted: the same content, the buttons replaced by what
     * happened (so nobody presses a button of a decided task).
     */
    static String updated(ObjectMapper json, String channel, String ts, JsonNode event, String state) {
        ObjectNode root = build(json, channel, event, state);
        root.put("ts", ts);
        root.remove("unfurl_links");
        return root.toString();
    }

    private static ObjectNode build(ObjectMapper json, String channel, JsonNode event, String state) {
        String kind = event.path("kind").asText();
        String title = TITLES.getOrDefault(kind, "Outlay event");
        JsonNode payload = event.path("payload");
        String summary = first(payload, "summary", "reason", "title", "detail");
        ObjectNode root = json.createObjectNode();
        root.put("channel", channel);
        // The top-level text is what notifications and screen readers show when blocks are not rendered.
        root.put("text", title + (summary == null ? "" : ": " + summary));
        root.put("unfurl_links", false);
        ArrayNode blocks = root.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", title);
        ObjectNode section = blocks.addObject().put("type", "section");
        section.putObject("text").put("type", "mrkdwn").put("text", summary == null ? escape(kind) : escape(summary));
        ArrayNode fields = section.putArray("fields");
        field(json, fields, "Owner", event.path("owner").asText(null));
        field(json, fields, "Environment", event.path("environment").asText(null));
        field(json, fields, "Severity", event.path("severity").asText(null));
        JsonNode amount = event.path("amount");
        if (amount.isObject()) field(json, fields, "Amount", amount.path("value").asText() + " " + amount.path("currency").asText());
        if (fields.isEmpty()) section.remove("fields");
        if (state != null) {
            blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn").put("text", "*" + escape(state) + "*");
        } else if ("approval_task".equals(kind)) {
            // The value is the subject the task belongs to; the hook finds the task itself, as the pressing user.
            ArrayNode buttons = blocks.addObject().put("type", "actions").put("block_id", "outlay_decision").putArray("elements");
            String subject = event.path("subject").path("id").asText();
            button(buttons, "Approve", "outlay_approve", subject, "primary");
            button(buttons, "Reject", "outlay_reject", subject, "danger");
            button(buttons, "More info", "outlay_more_info", subject, null);
        }
        ObjectNode context = blocks.addObject().put("type", "context");
        context.putArray("elements").addObject().put("type", "mrkdwn")
                .put("text", escape("Outlay · " + event.path("subject").path("type").asText() + " " + event.path("subject").path("id").asText()
                        + " · event " + event.path("eventId").asText()));
        return root;
    }

    private static void button(ArrayNode buttons, String label, String actionId, String value, String style) {
        ObjectNode b = buttons.addObject().put("type", "button").put("action_id", actionId).put("value", value);
        b.putObject("text").put("type", "plain_text").put("text", label);
        if (style != null) b.put("style", style);
    }

    private static void field(ObjectMapper json, ArrayNode fields, String label, String value) {
        if (value == null || value.isBlank()) return;
        fields.add(json.createObjectNode().put("type", "mrkdwn").put("text", "*" + label + "*\n" + escape(value)));
    }

    private static String first(JsonNode payload, String... names) {
        for (String n : names) {
            if (payload.hasNonNull(n) && !payload.get(n).asText().isBlank()) return payload.get(n).asText();
        }
        return null;
    }

    /** Slack's mrkdwn treats &, < and > as control characters (links, mentions); they must be escaped. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
