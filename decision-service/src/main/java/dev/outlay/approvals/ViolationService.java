/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.approvals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.audit.AuditLog;
import dev.outlay.policy.PolicyCheck;
import dev.outlay.policy.PolicyOutcome;
import dev.outlay.policy.PolicyRequest;
import dev.outlay.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Observed spend judged by the same spend policy: anything but "allow" is recorded as a violation (owner, policy
 * version, evidence) and a triage process assigns it to the owner group.
 */
@ApplicationScoped
public class ViolationService {

    public record Observed(String owner, String budgetId, String resourceClass, String environment, java.math.BigDecimal amount,
                           String currency, Map<String, Object> evidence) {
    }

    @Inject
    PolicyCheck policy;

    @Inject
    ViolationRepository violations;

    @Inject
    ProcessStarter processes;

    @Inject
    ApprovalSla sla;

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper mapper;

    @Inject
    dev.outlay.actions.ActionOutbox actions;

    @Inject
    dev.outlay.events.DomainEvents events;

    /** The recorded violation, or empty when the policy allows the observed spend. */
    @Transactional
    public Optional<Violation> observe(Observed in) {
        if (in == null) throw ProblemException.badRequest("A body is required.");
        if (in.owner() == null || in.owner().isBlank()) {
            throw ProblemException.unprocessable("The observation is not valid.", List.of(Problem.Fault.at("owner", "required (the allocation owner group)")));
        }
        PolicyCheck.Evaluation e = policy.evaluate(new PolicyRequest(in.budgetId(), in.resourceClass(), in.environment(), in.amount(),
                in.currency(), in.owner(), null));
        PolicyOutcome o = e.outcome();
        if (o.is(PolicyOutcome.ALLOW)) return Optional.empty();
        String evidence;
        try {
            evidence = mapper.writeValueAsString(Map.of("observed", in.evidence() == null ? Map.of() : in.evidence(), "policyInput", e.input()));
        } catch (JsonProcessingException ex) {
            throw ProblemException.badRequest("evidence is not serialisable");
        }
        Violation v = new Violation(UUID.randomUUID(), in.owner(), in.resourceClass(), in.environment(), in.amount(), e.currency(), o.outcome(), o.ruleId(),
                o.reason(), o.versionHash() == null ? "bundled" : o.versionHash(), evidence, "open", null, null, null, null,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        openTriage(v, o.slaHours() == null || o.slaHours() == 0 ? 24 : o.slaHours());
        audit.record("policy_violation.create", "policy_violation", v.id().toString(), null, v);
        actions.emit(new dev.outlay.actions.ActionEvent(dev.outlay.actions.EventKind.POLICY_VIOLATION, "policy_violation", v.id().toString(),
                null, v.owner(), v.environment(), v.amount(), v.currency(),
                Map.of("outcome", o.outcome(), "reason", String.valueOf(o.reason()), "ruleId", String.valueOf(o.ruleId()), "resourceClass", String.valueOf(v.resourceClass()))));
        return violations.find(v.id());
    }

    /**
     * Records a violation and starts its triage for the violation's owner group, with its policy reason as the task
     * summary; returns the process instance id. Shared by observed spend and cost anomalies.
     */
    public String openTriage(Violation v, int slaHours) {
        violations.insert(v);
        events.record(new dev.outlay.events.ViolationRaisedEvent(v.id(), v.owner(), v.resourceClass(), v.environment(),
                dev.outlay.events.Money.of(v.amount(), v.currency()), v.outcome(), v.ruleId(), v.policyVersion()));
        String pid = processes.startViolationTriage(Map.of("tenantId", TenantContext.requireTenant(), "violationId", v.id().toString(),
                "ownerGroup", v.owner(), "summary", v.policyReason(), "sla", sla.of(slaHours).toString()));
        violations.linkProcess(v.id(), pid);
        return pid;
    }

    public Violation get(UUID id) {
        return violations.find(id).orElseThrow(() -> ProblemException.notFound("No violation " + id + "."));
    }
}
