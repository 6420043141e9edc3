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

/**
 * A Jira Cloud REST v3 create-issue body. v3 takes the description as an Atlassian Document Format tree (v2's
 * wiki-markup string is refused), so the evidence goes in as paragraphs, a bullet list and a JSON code block.
 */
final class JiraIssue {

    private static final Map<String, String> TITLES = Map.of(
            "anomaly_alert", "Cost anomaly", "finding", "Finding", "policy_violation", "Policy violation",
            "approval_task", "Approval needed", "close_review", "Close review", "reconciliation_breach", "Reconciliation breach",
            "ingestion_failure", "Ingestion failure", "sli_breach", "SLI breach");

    private JiraIssue() {
    }

    static String of(ObjectMapper json, Integration connection, JsonNode event) {
        String kind = event.path("kind").asText();
        JsonNode payload = event.path("payload");
        String summary = first(payload, "summary", "reason", "title", "detail");
        String title = TITLES.getOrDefault(kind, "Outlay event") + (summary == null ? "" : ": " + summary);
        ObjectNode root = json.createObjectNode();
        ObjectNode fields = root.putObject("fields");
        fields.putObject("project").put("key", connection.channel());
        fields.putObject("issuetype").put("name", connection.issueType() == null ? "Task" : connection.issueType());
        // Jira refuses summaries over 255 characters and any line break in them.
        String oneLine = title.replaceAll("[\\r\\n]+", " ");
        fields.put("summary", oneLine.length() <= 255 ? oneLine : oneLine.substring(0, 254) + "…");
        // Labels may not contain spaces; the subject label lets people find every issue of one subject.
        ArrayNode labels = fields.putArray("labels");
        labels.add("outlay");
        labels.add("outlay-" + kind.replace('_', '-'));
        String owner = event.path("owner").asText(null);
        if (owner != null && connection.assignees() != null && connection.assignees().containsKey(owner)) {
            fields.putObject("assignee").put("accountId", connection.assignees().get(owner));
        }
        ObjectNode doc = fields.putObject("description").put("type", "doc").put("version", 1);
        ArrayNode content = doc.putArray("content");
        paragraph(content, summary == null ? kind : summary);
        ArrayNode items = content.addObject().put("type", "bulletList").putArray("content");
        item(items, "Subject", event.path("subject").path("type").asText() + " " + event.path("subject").path("id").asText());
        item(items, "Owner", owner);
        item(items, "Environment", event.path("environment").asText(null));
        item(items, "Severity", event.path("severity").asText(null));
        JsonNode amount = event.path("amount");
        if (amount.isObject()) item(items, "Amount", amount.path("value").asText() + " " + amount.path("currency").asText());
        item(items, "Outlay event", event.path("eventId").asText());
        item(items, "Routing rule version", event.path("routingVersion").asText(null));
        ObjectNode heading = content.addObject().put("type", "heading");
        heading.putObject("attrs").put("level", 3);
        heading.putArray("content").addObject().put("type", "text").put("text", "Evidence");
        ObjectNode code = content.addObject().put("type", "codeBlock");
        code.putObject("attrs").put("language", "json");
        code.putArray("content").addObject().put("type", "text").put("text", payload.toPrettyString());
        return root.toString();
    }

    private static void paragraph(ArrayNode content, String text) {
        content.addObject().put("type", "paragraph").putArray("content").addObject().put("type", "text").put("text", text);
    }

    private static void item(ArrayNode items, String label, String value) {
        if (value == null || value.isBlank()) return;
        ArrayNode para = items.addObject().put("type", "listItem").putArray("content").addObject().put("type", "paragraph").putArray("content");
        para.addObject().put("type", "text").put("text", label + ": ").putArray("marks").addObject().put("type", "strong");
        para.addObject().put("type", "text").put("text", value);
    }

    private static String first(JsonNode payload, String... names) {
        for (String n : names) {
            if (payload.hasNonNull(n) && !payload.get(n).asText().isBlank()) return payload.get(n).asText();
        }
        return null;
    }
}
