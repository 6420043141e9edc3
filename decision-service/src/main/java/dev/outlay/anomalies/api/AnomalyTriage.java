/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.anomalies.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.anomalies.Anomaly;
import dev.outlay.anomalies.alerts.ClassifiedAnomaly;
import dev.outlay.anomalies.alerts.Severity;
import dev.outlay.approvals.Violation;
import dev.outlay.approvals.ViolationService;
import dev.outlay.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Medium-and-above alerts reuse the policy-violation triage (assign → acknowledge and act → verify, escalation by
 * SLA timer): the anomaly becomes a violation record, which is what links a process instance to its tenant for the
 * inbox and carries the outcome back. Owner-facing routings go to the owner team; money, contract and data
 * causes, and anomalies without an owner, go to FinOps.
 */
@ApplicationScoped
public class AnomalyTriage {

    static final String FINOPS = "finops_admin";
    private static final Set<String> OWNER_CHANNELS = Set.of("owner-chat", "owner-ticket", "weekly-digest");
    private static final Map<Severity, Integer> SLA_HOURS = Map.of(Severity.CRITICAL, 4, Severity.HIGH, 8);

    public record Started(UUID violationId, String processInstanceId, String group) {
    }

    @Inject
    ViolationService violations;

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper mapper;

    @Inject
    dev.outlay.actions.ActionOutbox actions;

    static String group(ClassifiedAnomaly c) {
        return c.owner() != null && OWNER_CHANNELS.contains(c.routing()) ? c.owner() : FINOPS;
    }

    public Started start(ClassifiedAnomaly c, String ruleId, String explanation, String versionHash) {
        Anomaly a = c.anomaly();
        String group = group(c);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("anomalyId", a.id());
        evidence.put("series", a.series().canonical());
        evidence.put("day", a.date().toString());
        evidence.put("direction", a.direction().name().toLowerCase());
        evidence.put("cost", a.cost());
        evidence.put("baseline", a.baseline());
        evidence.put("impact", a.impact());
        evidence.put("cause", c.cause());
        evidence.put("severity", c.severity() == null ? null : c.severity().label());
        String json;
        try {
            json = mapper.writeValueAsString(Map.of("anomaly", evidence));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("anomaly evidence is not serialisable", e);
        }
        String summary = "Cost anomaly on " + a.series().canonical() + " " + a.date() + ": " + c.cause() + ", impact "
                + a.impact().setScale(2, RoundingMode.HALF_EVEN).toPlainString()
                + (explanation == null ? "" : " (" + explanation + ")");
        Violation v = new Violation(UUID.randomUUID(), group, "cost-anomaly", "any",
                a.impact().abs().setScale(2, RoundingMode.HALF_EVEN), a.series().currency(), "anomaly", ruleId, summary, versionHash, json,
                "open", null, null, null, null, Instant.now().truncatedTo(ChronoUnit.MICROS));
        String pid = violations.openTriage(v, SLA_HOURS.getOrDefault(c.severity(), 24));
        audit.record("anomaly.triage", "anomaly", a.id(), null,
                Map.of("violationId", v.id().toString(), "processInstanceId", pid, "group", group));
        Map<String, Object> payload = new LinkedHashMap<>(evidence);
        payload.put("summary", summary);
        payload.put("violationId", v.id().toString());
        payload.put("group", group);
        payload.values().removeIf(java.util.Objects::isNull);
        actions.emit(new dev.outlay.actions.ActionEvent(dev.outlay.actions.EventKind.ANOMALY_ALERT, "anomaly", a.id(),
                c.severity() == null ? null : c.severity().label(), group, null, v.currency() == null ? null : v.amount(), v.currency(), payload));
        return new Started(v.id(), pid, group);
    }
}
