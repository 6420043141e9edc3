/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.approvals;

import dev.outlay.audit.AuditLog;
import dev.outlay.policy.PolicyCheck;
import dev.outlay.policy.PolicyOutcome;
import dev.outlay.policy.PolicyRequest;
import dev.outlay.tenancy.Caller;
import dev.outlay.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records a spend request with the policy's outcome: allow and warn are recorded (warn also notifies FinOps), block
 * is recorded as blocked (the API answers 422), escalate starts the spend-approval process for the approver group the
 * policy names. Everything, including the process start and the audit entries, commits in one transaction.
 */
@ApplicationScoped
public class SpendRequestService {

    @Inject
    PolicyCheck policy;

    @Inject
    SpendRequestRepository requests;

    @Inject
    ProcessStarter processes;

    @Inject
    ApprovalSla sla;

    @Inject
    AuditLog audit;

    @Inject
    dev.outlay.actions.ActionOutbox actions;

    @Transactional
    public SpendRequest create(PolicyRequest in) {
        PolicyCheck.Evaluation e = policy.evaluate(in);
        Caller caller = TenantContext.caller().orElseThrow();
        PolicyOutcome o = e.outcome();
        String status = switch (o.outcome()) {
            case PolicyOutcome.ALLOW -> SpendRequest.ALLOWED;
            case PolicyOutcome.WARN -> SpendRequest.WARNED;
            case PolicyOutcome.BLOCK -> SpendRequest.BLOCKED;
            case PolicyOutcome.ESCALATE -> SpendRequest.PENDING;
            default -> throw new IllegalStateException("unknown policy outcome " + o.outcome());
        };
        String group = o.is(PolicyOutcome.ESCALATE) ? o.approverRole() : null;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        SpendRequest r = new SpendRequest(UUID.randomUUID(), caller.subject(), e.budget() == null ? null : e.budget().id(),
                in.resourceClass(), in.environment(), e.input().owner(), in.amount(), e.currency(),
                in.description(), o.outcome(), o.ruleId(), o.reason(), o.versionHash(), group, o.slaHours(),
                e.input().budgetRemaining(), e.input().forecastOverrunPct(), status, null, null, null, null, now,
                e.budget() == null ? null : e.budget().currency(), e.input().conversion());
        requests.insert(r);
        requests.event(r.id(), caller.subject(), "created", r.amount() + " " + r.currency() + " " + r.resourceClass() + " in " + r.environment());
        if (r.conversion() != null) {
            requests.event(r.id(), "spend-policy", "converted", r.conversion().amount().toPlainString() + " " + r.conversion().currency() + " = "
                    + r.conversion().convertedAmount().toPlainString() + " " + r.conversion().convertedCurrency() + " at " + r.conversion().rate().toPlainString()
                    + " of " + r.conversion().rateDate() + " (rate set " + r.conversion().rateVersion() + ")");
        }
        requests.event(r.id(), "spend-policy", "evaluated", o.outcome() + " (" + o.ruleId() + "): " + o.reason());
        audit.record("spend_request.create", "spend_request", r.id().toString(), null, r);

        if (o.is(PolicyOutcome.WARN)) {
            requests.notify("policy.warn", "spend_request", r.id().toString(), "finops_admin", o.reason());
            requests.event(r.id(), "spend-policy", "notified", "finops_admin: " + o.reason());
            actions.emit(event(dev.outlay.actions.EventKind.POLICY_VIOLATION, r, Map.of("outcome", o.outcome(), "reason", String.valueOf(o.reason()),
                    "ruleId", String.valueOf(o.ruleId()), "requester", r.requester())));
        }
        if (o.is(PolicyOutcome.ESCALATE)) {
            Duration timeout = sla.of(o.slaHours());
            Map<String, Object> vars = new HashMap<>();
            vars.put("tenantId", caller.tenantId());
            vars.put("requestId", r.id().toString());
            vars.put("requester", caller.subject());
            vars.put("amount", r.amount().toPlainString());
            vars.put("reason", o.reason());
            vars.put("approverGroup", group);
            vars.put("sla", timeout.toString());
            String pid = processes.startSpendApproval(vars);
            Instant deadline = now.plus(timeout);
            requests.linkProcess(r.id(), pid, deadline);
            requests.event(r.id(), "spend-approval", "assigned", "group " + group + ", due " + deadline);
            r = requests.find(r.id()).orElseThrow();
            actions.emit(event(dev.outlay.actions.EventKind.APPROVAL_TASK, r, Map.of("approverGroup", group, "reason", String.valueOf(o.reason()),
                    "requester", r.requester(), "due", deadline.toString(), "processInstanceId", pid)));
        }
        return r;
    }

    static dev.outlay.actions.ActionEvent event(dev.outlay.actions.EventKind kind, SpendRequest r, Map<String, Object> details) {
        Map<String, Object> payload = new HashMap<>(details);
        payload.put("resourceClass", r.resourceClass());
        payload.put("description", r.description() == null ? "" : r.description());
        return new dev.outlay.actions.ActionEvent(kind, "spend_request", r.id().toString(), null, r.owner(), r.environment(),
                r.amount(), r.currency(), payload);
    }

    public SpendRequest get(UUID id) {
        return requests.find(id).orElseThrow(() -> dev.outlay.api.problem.ProblemException.notFound("No spend request " + id + "."));
    }

    public List<HistoryEntry> history(UUID id) {
        get(id);
        return requests.history(id);
    }
}
