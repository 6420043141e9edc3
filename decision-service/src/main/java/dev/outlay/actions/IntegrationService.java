/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.actions;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.audit.AuditLog;
import dev.outlay.platform.SecretBox;
import dev.outlay.platform.Secrets;
import dev.outlay.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Integration connections: created with a sealed secret, audited with the masked view only, and a "send test" that
 * stores what happened as acceptance evidence. Creating a connection, or a successful test, releases the
 * deliveries that were held for it.
 */
@ApplicationScoped
public class IntegrationService {

    @Inject
    IntegrationStore store;

    @Inject
    AuditLog audit;

    @Inject
    Secrets secrets;

    @Inject
    ActionsConfig config;

    @Inject
    Instance<Channel> channels;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    static String purpose(UUID id) {
        return "integration:" + id;
    }

    static String inboundPurpose(UUID id) {
        return "integration-inbound:" + id;
    }

    public List<Integration> list() {
        return store.list();
    }

    public Integration get(UUID id) {
        return store.find(id).orElseThrow(() -> ProblemException.notFound("No integration " + id + "."));
    }

    @Transactional
    public Integration create(IntegrationInput in) {
        if (in == null) throw ProblemException.badRequest("An integration body is required.");
        List<Problem.Fault> faults = in.faults(config.allowInsecureUrls());
        if (!faults.isEmpty()) throw ProblemException.unprocessable("The integration is not valid.", faults);
        if (store.nameTaken(in.kind(), in.name())) throw ProblemException.conflict("A " + in.kind() + " integration named " + in.name() + " already exists.");
        UUID id = UUID.randomUUID();
        store.insert(id, in, box().seal(in.secret(), TenantContext.requireTenant(), purpose(id)),
                in.inboundSecret() == null ? null : box().seal(in.inboundSecret(), TenantContext.requireTenant(), inboundPurpose(id)),
                TenantContext.caller().orElseThrow().subject());
        Integration stored = get(id);
        audit.record("integration.create", "integration", id.toString(), null, stored);
        store.release(stored.kind(), stored.name());
        return stored;
    }

    /**
     * Replaces who is who on a Slack connection (Slack user id → Outlay user), audited with the map before and after.
     * The map decides whose button press counts as whose decision, so it is an admin change like the connection.
     */
    @Transactional
    public Integration users(UUID id, Map<String, String> users) {
        Integration before = get(id);
        if (users == null) throw ProblemException.badRequest("A JSON object of Slack user id to Outlay user is required.");
        if (!"slack".equals(before.kind())) {
            throw ProblemException.unprocessable("The user map is not valid.", List.of(Problem.Fault.at("users", "only for Slack connections")));
        }
        List<Problem.Fault> faults = IntegrationInput.userFaults(users);
        if (!faults.isEmpty()) throw ProblemException.unprocessable("The user map is not valid.", faults);
        store.users(id, users);
        Integration after = get(id);
        audit.record("integration.users", "integration", id.toString(), Map.of("users", before.users() == null ? Map.of() : before.users()),
                Map.of("users", after.users()));
        return after;
    }

    @Transactional
    public void delete(UUID id) {
        Integration before = get(id);
        store.delete(id);
        audit.record("integration.delete", "integration", id.toString(), before, null);
    }

    /** Sends a signed test event now (not through the outbox: the caller wants the answer) and keeps the outcome. */
    @Transactional
    public Evidence test(UUID id) {
        Integration i = get(id);
        Channel channel = channels.stream().filter(c -> c.kind().equals(i.kind())).findFirst()
                .orElseThrow(() -> ProblemException.conflict("Channel " + i.kind() + " is not available in this installation."));
        String secret = box().open(store.sealedSecret(id), TenantContext.requireTenant(), purpose(id));
        UUID testId = UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "outlay.test");
        body.put("integrationId", id.toString());
        body.put("testId", testId.toString());
        body.put("at", Instant.now().toString());
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        SendResult r = channel.send(i, secret, new Outbound(testId, "outlay-test-" + testId, text));
        String by = TenantContext.caller().orElseThrow().subject();
        Evidence e = store.addEvidence(id, r.ok(), r.status(), r.ok() ? "accepted" : r.error(), text, by);
        store.health(id, r.ok(), r.ok() ? null : r.error());
        if (r.ok()) store.release(i.kind(), i.name());
        audit.record("integration.test", "integration", id.toString(), null, Map.of("ok", r.ok(), "statusCode", String.valueOf(r.status()), "evidenceId", e.id()));
        return e;
    }

    public List<Evidence> evidence(UUID id) {
        get(id);
        return store.evidence(id);
    }

    private SecretBox box() {
        try {
            return secrets.box();
        } catch (IllegalStateException e) {
            throw new ProblemException(Problem.of(503, "Secrets unavailable",
                    "This installation has no secrets key (OUTLAY_SECRETS_KEY), so it stores no integration secrets."));
        }
    }
}
