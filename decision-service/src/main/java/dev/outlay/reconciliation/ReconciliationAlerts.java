/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.reconciliation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.actions.ActionEvent;
import dev.outlay.actions.ActionOutbox;
import dev.outlay.actions.EventKind;
import dev.outlay.approvals.Violation;
import dev.outlay.approvals.ViolationService;
import dev.outlay.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A breached run raises one {@code reconciliation_breach} event through the action outbox (routed by the tenant's
 * notification rules) and, when the rule set says so, opens FinOps triage. Triage reuses the policy-violation
 * process the anomaly alerts use (assign, acknowledge and act, verify, SLA escalation), with the run as evidence and
 * the {@code finops_admin} group as owner: a reconciliation gap has no cost owner, it is FinOps' to explain.
 */
@ApplicationScoped
public class ReconciliationAlerts {

    static final String FINOPS = "finops_admin";
    private static final List<String> SEVERITIES = List.of("none", "low", "medium", "high", "critical");

    @Inject
    ActionOutbox outbox;

    @Inject
    ViolationService violations;

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper mapper;

    public record Raised(UUID eventId, UUID violationId) {
    }

    /** Null when the run passed. Joins the caller's transaction, which also stores the run's result. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Raised raise(UUID runId, ReconciliationResult result) {
        List<ReconciliationResult.Check> breached = result.checks().stream().filter(ReconciliationResult.Check::breach).toList();
        if (breached.isEmpty()) return null;
        // The check that leads the alert: most severe, then the largest difference in percent (undefined counts as 100 %).
        ReconciliationResult.Check worst = breached.stream().min(Comparator
                .comparingInt((ReconciliationResult.Check k) -> -SEVERITIES.indexOf(k.severity()))
                .thenComparing(k -> k.differencePercent() == null ? new BigDecimal("-100") : k.differencePercent().abs().negate())
                .thenComparingInt(ReconciliationResult.Check::ordinal)).orElseThrow();
        String summary = summary(result, worst, breached.size());

        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("runId", runId.toString());
        payload.put("period", result.period());
        payload.put("periodState", result.periodState());
        payload.put("breaches", breached.size());
        payload.put("checkKind", worst.kind());
        payload.put("billingAccountId", worst.billingAccountId());
        payload.put("reference", worst.reference());
        payload.put("observed", worst.observed());
        if (worst.difference() != null) payload.put("difference", worst.difference().toPlainString());
        if (worst.differencePercent() != null) payload.put("differencePercent", worst.differencePercent().toPlainString());
        if (!worst.impactedServices().isEmpty()) {
            ImpactedService top = worst.impactedServices().get(0);
            payload.put("topService", top.service());
            payload.put("topServiceAccount", top.account());
            payload.put("topServiceDifference", top.difference().toPlainString());
        }
        payload.put("summary", summary);

        UUID violationId = null;
        if (breached.stream().anyMatch(ReconciliationResult.Check::openTriage)) {
            String evidence;
            try {
                evidence = mapper.writeValueAsString(Map.of("reconciliation", payload));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("reconciliation evidence is not serialisable", e);
            }
            BigDecimal amount = worst.difference() == null ? BigDecimal.ZERO : worst.difference().abs().setScale(2, RoundingMode.HALF_EVEN);
            Violation v = new Violation(UUID.randomUUID(), FINOPS, "reconciliation", "any", amount, worst.difference() == null ? null : worst.currency(),
                    "reconciliation", worst.outcomeRuleId(), summary, result.ruleVersionHash(), evidence, "open", null, null, null, null,
                    Instant.now().truncatedTo(ChronoUnit.MICROS));
            String pid = violations.openTriage(v, slaHours(worst.severity()));
            violationId = v.id();
            payload.put("violationId", violationId.toString());
            audit.record("reconciliation.triage", "reconciliation_run", runId.toString(), null,
                    Map.of("violationId", violationId.toString(), "processInstanceId", pid, "group", FINOPS));
        }
        boolean money = worst.difference() != null;
        ActionOutbox.Emitted emitted = outbox.emit(new ActionEvent(EventKind.RECONCILIATION_BREACH, "reconciliation_run", runId.toString(),
                worst.severity(), FINOPS, null, money ? worst.difference().abs() : null, money ? worst.currency() : null, payload));
        return new Raised(emitted.eventId(), violationId);
    }

    private static String summary(ReconciliationResult r, ReconciliationResult.Check worst, int breaches) {
        StringBuilder sb = new StringBuilder("Reconciliation ").append(r.period()).append(" (").append(r.periodState()).append("): ")
                .append(breaches).append(" check(s) out of tolerance; ").append(worst.kind()).append(" for billing account ")
                .append(worst.billingAccountId());
        if (worst.difference() != null) {
            sb.append(", ").append(worst.observed()).append(" vs ").append(worst.reference()).append(" differs by ")
                    .append(worst.difference().toPlainString()).append(' ').append(worst.currency());
            if (worst.differencePercent() != null) sb.append(" (").append(worst.differencePercent().toPlainString()).append(" %)");
        } else {
            int missing = worst.completeness().stream().mapToInt(s -> s.missingDays().size()).sum();
            sb.append(", ").append(missing).append(" source-day(s) missing");
        }
        if (!worst.impactedServices().isEmpty()) {
            ImpactedService top = worst.impactedServices().get(0);
            sb.append("; first: ").append(top.service()).append(" in ").append(top.account());
        }
        return sb.toString();
    }

    private static int slaHours(String severity) {
        return switch (severity) {
            case "critical" -> 8;
            case "high" -> 24;
            default -> 72;
        };
    }
}
