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

    static String of(ObjectMapper json, String channel, JsonNode event) {
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
        ObjectNode context = blocks.addObject().put("type", "context");
        context.putArray("elements").addObject().put("type", "mrkdwn")
                .put("text", escape("Outlay · " + event.path("subject").path("type").asText() + " " + event.path("subject").path("id").asText()
                        + " · event " + event.path("eventId").asText()));
        return root.toString();
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
