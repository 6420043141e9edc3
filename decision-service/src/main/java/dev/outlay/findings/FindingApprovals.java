/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.findings;

import dev.outlay.actions.ActionEvent;
import dev.outlay.actions.ActionOutbox;
import dev.outlay.actions.EventKind;
import dev.outlay.approvals.ApprovalSla;
import dev.outlay.approvals.ProcessStarter;
import dev.outlay.approvals.SpendRequest;
import dev.outlay.approvals.SpendRequestRepository;
import dev.outlay.audit.AuditLog;
import dev.outlay.tenancy.Caller;
import dev.outlay.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The approval path of a risky action, reusing the spend-approval process as it is: the action becomes a spend request
 * in pending approval (outcome escalate, rule {@value #RULE_ID}) whose approval task goes to FinOps with the usual SLA,
 * escalation and four-eyes (the person who asked cannot approve). Approval marks the finding actioned; a rejection or
 * an expiry returns it to where it was. The request's amount is the finding's expected monthly saving in its first
 * currency (XXX, ISO 4217 "no currency", with amount 0 when the finding carries no saving).
 */
@ApplicationScoped
public class FindingApprovals {

    static final String RULE_ID = "finding-action-risk";
    static final String APPROVER_GROUP = "finops_admin";
    static final int SLA_HOURS = 48;

    @Inject
    SpendRequestRepository requests;

    @Inject
    ProcessStarter processes;

    @Inject
    ApprovalSla sla;

    @Inject
    ActionOutbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    FindingStore store;

    @Inject
    FindingLifecycle lifecycle;

    @Transactional(Transactional.TxType.MANDATORY)
    public SpendRequest request(StoredFinding f, String note) {
        Caller caller = TenantContext.caller().orElseThrow();
        SavingsRange first = f.savings().isEmpty() ? null : f.savings().get(0);
        String why = "risk " + f.risk() + ("DELETE".equals(f.action()) && !"high".equals(f.risk()) ? ", deletion in " + f.environment() : "")
                + ": " + f.action() + " " + f.resourceId() + " needs approval before it is marked actioned";
        Instant now = FindingLifecycle.now();
        SpendRequest r = new SpendRequest(UUID.randomUUID(), caller.subject(), null, f.detector(),
                f.environment() == null ? "any" : f.environment(), f.owner(),
                first == null ? BigDecimal.ZERO : first.expected().setScale(2, RoundingMode.HALF_EVEN), first == null ? "XXX" : first.currency(),
                "Savings finding " + f.id() + ": " + f.requiredAction() + (note == null ? "" : " — " + note),
                "escalate", RULE_ID, why, f.ruleVersion(), APPROVER_GROUP, SLA_HOURS, null, null, SpendRequest.PENDING,
                null, null, null, null, now, null, null);
        requests.insert(r);
        requests.event(r.id(), caller.subject(), "created", "action " + f.action() + " on finding " + f.id());
        requests.event(r.id(), "findings", "evaluated", "escalate (" + RULE_ID + "): " + why);
        audit.record("spend_request.create", "spend_request", r.id().toString(), null, r);
        Duration timeout = sla.of(SLA_HOURS);
        Map<String, Object> vars = new HashMap<>();
        vars.put("tenantId", caller.tenantId());
        vars.put("requestId", r.id().toString());
        vars.put("requester", caller.subject());
        vars.put("amount", r.amount().toPlainString());
        vars.put("reason", why);
        vars.put("approverGroup", APPROVER_GROUP);
        vars.put("sla", timeout.toString());
        String pid = processes.startSpendApproval(vars);
        Instant deadline = now.plus(timeout);
        requests.linkProcess(r.id(), pid, deadline);
        requests.event(r.id(), "spend-approval", "assigned", "group " + APPROVER_GROUP + ", due " + deadline);
        lifecycle.move(f, FindingStatus.PENDING_APPROVAL, FindingStore.Change.pendingApproval(r.id(), f.status()),
                why + " (spend request " + r.id() + ")", "finding.action_requested");
        Map<String, Object> payload = new HashMap<>();
        payload.put("approverGroup", APPROVER_GROUP);
        payload.put("reason", why);
        payload.put("requester", caller.subject());
        payload.put("due", deadline.toString());
        payload.put("processInstanceId", pid);
        payload.put("findingId", f.id());
        outbox.emit(new ActionEvent(EventKind.APPROVAL_TASK, "spend_request", r.id().toString(), f.risk(), f.owner(), f.environment(),
                r.amount(), r.currency(), payload));
        return r;
    }

    /** The approval process ended: approved → actioned by the approver; rejected or expired → back where it was. */
    void decided(UUID requestId, String outcome, String by) {
        store.findByApproval(requestId).filter(f -> FindingStatus.PENDING_APPROVAL.equals(f.status())).ifPresent(f -> {
            if ("approved".equals(outcome)) {
                lifecycle.markActioned(f, by, "approved by " + by + " (spend request " + requestId + ")", "finding.action");
            } else if ("rejected".equals(outcome) || "expired".equals(outcome)) {
                String back = f.statusBeforeApproval() == null ? FindingStatus.OPEN : f.statusBeforeApproval();
                lifecycle.move(f, back, FindingStore.Change.NONE, "action " + outcome + " (spend request " + requestId + ")",
                        "finding.action_" + outcome);
            }
        });
    }
}
