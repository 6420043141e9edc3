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
import dev.outlay.audit.AuditLog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Jira's webhook back into Outlay. Jira Cloud signs a webhook registered with a secret as
 * {@code X-Hub-Signature: sha256=<hex HMAC-SHA256(secret, raw body)>} and names each delivery in
 * {@code X-Atlassian-Webhook-Identifier} (the same on Jira's retries): a repeated identifier is answered without
 * acting again. Only issues Outlay opened (a kept link) move anything; a change into Jira's "done" status category
 * hands the subject to its {@link ExternalStatusSink}, in the same transaction as the link's new status.
 */
@ApplicationScoped
public class JiraSync {

    static final String SIGNATURE = "X-Hub-Signature";
    static final String IDENTIFIER = "X-Atlassian-Webhook-Identifier";

    @Inject
    InboundConnection inbound;

    @Inject
    ExternalLinks links;

    @Inject
    InboundReceipts receipts;

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper json;

    @Inject
    Instance<ExternalStatusSink> sinks;

    public HookOutcome receive(String tenant, String integrationId, String signature, String identifier, String body) {
        return inbound.as(tenant, integrationId, "jira", (connection, secret) -> {
            String raw = body == null ? "" : body;
            if (!HmacHex.same("sha256=" + HmacHex.sha256(secret, raw), signature)) throw ProblemException.unauthorized(InboundConnection.REFUSED);
            JsonNode event;
            try {
                event = json.readTree(raw);
            } catch (JsonProcessingException e) {
                throw ProblemException.badRequest("The body is not JSON: " + e.getOriginalMessage());
            }
            return QuarkusTransaction.requiringNew().call(() -> apply(connection, identifier, event));
        });
    }

    private HookOutcome apply(Integration connection, String identifier, JsonNode event) {
        if (identifier != null && !identifier.isBlank() && !receipts.first(connection.id(), "jira:" + identifier)) return HookOutcome.of("duplicate");
        String key = event.path("issue").path("key").asText("");
        JsonNode status = event.path("issue").path("fields").path("status");
        return status(connection, key, status.path("name").asText(""), status.path("statusCategory").path("key").asText(""));
    }

    /**
     * One issue's status as Jira reports it (webhook or poll), in the caller's transaction: only issues Outlay opened
     * move anything, an unchanged status is a no-op (so a repeated webhook or every poll is idempotent), and a change
     * into Jira's "done" category hands the subject to its {@link ExternalStatusSink}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public HookOutcome status(Integration connection, String key, String name, String category) {
        if (key.isEmpty() || name.isEmpty()) return HookOutcome.of("ignored");
        Optional<ExternalLink> link = links.byKey(connection.id(), key);
        if (link.isEmpty()) return new HookOutcome("ignored", null, null, key, name, "not an issue Outlay opened");
        ExternalLink l = link.get();
        String categoryKey = category == null || category.isEmpty() ? null : category;
        if (name.equals(l.status())) {
            links.status(connection.id(), key, name, categoryKey);
            return new HookOutcome("unchanged", l.subjectType(), l.subjectId(), key, name, null);
        }
        links.status(connection.id(), key, name, categoryKey);
        String detail = null;
        // Status names are per workflow and language; the category key is Jira's fixed vocabulary (new, indeterminate, done).
        if ("done".equals(categoryKey)) {
            Optional<ExternalStatusSink> sink = sinks.stream().filter(s -> s.subjectType().equals(l.subjectType())).findFirst();
            detail = sink.isPresent() ? sink.get().externallyDone(l.subjectId(), new ExternalLink(l.integrationId(), l.subjectType(), l.subjectId(),
                    key, l.url(), name, l.deliveryId(), l.createdAt(), l.updatedAt())) : "no handler for " + l.subjectType();
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("externalKey", key);
        after.put("externalStatus", name);
        after.put("detail", String.valueOf(detail));
        audit.record("external_link.status", l.subjectType(), l.subjectId(), Map.of("externalStatus", String.valueOf(l.status())), after);
        return new HookOutcome("moved", l.subjectType(), l.subjectId(), key, name, detail);
    }
}
