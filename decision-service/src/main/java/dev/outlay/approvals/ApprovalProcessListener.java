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
import dev.outlay.tenancy.Caller;
import dev.outlay.tenancy.TenantContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.kie.kogito.internal.process.event.DefaultKogitoProcessEventListener;
import org.kie.api.event.process.ProcessCompletedEvent;
import org.kie.api.event.process.ProcessNodeLeftEvent;
import org.kie.api.runtime.process.WorkflowProcessInstance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes what the processes decide back to Outlay's tables and the audit log, in the process engine's transaction:
 * escalations (the SLA timer fired) and final outcomes of spend approvals and violation triage. The processes carry
 * their tenant as a variable; a timer fires without a user, so the work then runs as the tenant's SLA system actor.
 */
@ApplicationScoped
public class ApprovalProcessListener extends DefaultKogitoProcessEventListener {

    private static final Logger LOG = Logger.getLogger(ApprovalProcessListener.class);
    static final String TIMER_ACTOR = "outlay-sla-timer";
    private static final Map<String, String> OUTCOME_STATUS = Map.of(
            "approved", SpendRequest.APPROVED, "rejected", SpendRequest.REJECTED, "expired", SpendRequest.EXPIRED);

    @Inject
    SpendRequestRepository requests;

    @Inject
    ViolationRepository violations;

    @Inject
    ApprovalSla sla;

    @Inject
    AuditLog audit;

    @Inject
    dev.outlay.actions.ActionOutbox actions;

    @Inject
    jakarta.enterprise.event.Event<dev.outlay.actions.SubjectChanged> changed;

    @Override
    public void afterNodeLeft(ProcessNodeLeftEvent event) {
        String node = event.getNodeInstance().getNodeName();
        WorkflowProcessInstance pi = (WorkflowProcessInstance) event.getProcessInstance();
        if ("Reopen".equals(node) && ProcessStarter.VIOLATION_TRIAGE.equals(pi.getProcessId())) {
            inTenant(pi, () -> reopened(pi));
            return;
        }
        if (!"Escalate".equals(node)) return;
        inTenant(pi, () -> {
            String from = (String) pi.getVariable("escalatedFrom");
            if (ProcessStarter.SPEND_APPROVAL.equals(pi.getProcessId())) {
                String to = (String) pi.getVariable("approverGroup");
                boolean expired = "expired".equals(pi.getVariable("outcome"));
                UUID id = UUID.fromString((String) pi.getVariable("requestId"));
                inTransaction(() -> requests.find(id).ifPresent(r -> {
                    String actor = actor();
                    if (!expired) {
                        Instant deadline = Instant.now().truncatedTo(ChronoUnit.MICROS).plus(sla.of(r.slaHours()));
                        requests.escalated(id, to, deadline);
                        requests.event(id, actor, "escalated", "SLA passed: " + from + " -> " + to + ", due " + deadline);
                        requests.notify("approval.escalated", "spend_request", id.toString(), to, "Spend request escalated from " + from);
                        escalationEvent(requests.find(id).orElseThrow(), from, to, deadline);
                    }
                    audit.record("spend_request.escalate", "spend_request", id.toString(), Map.of("approverGroup", from),
                            Map.of("approverGroup", expired ? "none" : to, "expired", expired));
                }));
            } else if (ProcessStarter.VIOLATION_TRIAGE.equals(pi.getProcessId())) {
                UUID id = UUID.fromString((String) pi.getVariable("violationId"));
                violations.update(id, "escalated", null, null, null);
                audit.record("policy_violation.escalate", "policy_violation", id.toString(), Map.of("owner", String.valueOf(from)),
                        Map.of("owner", String.valueOf(pi.getVariable("ownerGroup"))));
            }
        });
    }

    @Override
    public void afterProcessCompleted(ProcessCompletedEvent event) {
        WorkflowProcessInstance pi = (WorkflowProcessInstance) event.getProcessInstance();
        inTenant(pi, () -> {
            if (ProcessStarter.SPEND_APPROVAL.equals(pi.getProcessId())) {
                String outcome = (String) pi.getVariable("outcome");
                String status = OUTCOME_STATUS.get(outcome);
                if (status == null) return; // aborted or incomplete: leave the request as it is
                UUID id = UUID.fromString((String) pi.getVariable("requestId"));
                requests.find(id).ifPresent(before -> {
                    // The decider is the authenticated caller whose completion ended the process (the timer actor
                    // for an expiry), not the process's decidedBy: that is the task's ActorId output, i.e. its actual
                    // owner, a name KIE lets a claim set for somebody else.
                    String by = actor();
                    requests.decided(id, status, by, Instant.now().truncatedTo(ChronoUnit.MICROS));
                    String comment = (String) pi.getVariable("comment");
                    requests.event(id, by, status, comment);
                    audit.record("spend_request." + outcome, "spend_request", id.toString(),
                            Map.of("status", before.status()), Map.of("status", status, "decidedBy", String.valueOf(by),
                                    "comment", String.valueOf(comment)));
                });
            } else if (ProcessStarter.VIOLATION_TRIAGE.equals(pi.getProcessId())) {
                UUID id = UUID.fromString((String) pi.getVariable("violationId"));
                // Only verification reaches the end event; a completion without it is an abort (tenant deletion).
                if (!Boolean.TRUE.equals(pi.getVariable("verified"))) return;
                String status = "closed";
                violations.update(id, status, (String) pi.getVariable("action"), (String) pi.getVariable("acknowledgedBy"),
                        (String) pi.getVariable("verifiedBy"));
                audit.record("policy_violation." + status, "policy_violation", id.toString(), null,
                        Map.of("status", status, "action", String.valueOf(pi.getVariable("action"))));
            }
        });
    }

    /**
     * The escalated task is a new approval task for the next group: an outbox event like the first one, so the
     * routing rule set can send it (Slack buttons for the new approvers, a page, a ticket), and the messages already
     * posted for the previous group say where the task went (their buttons no longer work).
     */
    private void escalationEvent(SpendRequest r, String from, String to, Instant deadline) {
        Map<String, Object> details = new java.util.HashMap<>();
        details.put("approverGroup", to);
        details.put("escalatedFrom", String.valueOf(from));
        details.put("escalation", true);
        details.put("summary", "Escalated from " + from + " to " + to + ": the approval SLA passed");
        details.put("reason", String.valueOf(r.policyReason()));
        details.put("requester", r.requester());
        details.put("due", deadline.toString());
        details.put("processInstanceId", String.valueOf(r.processInstanceId()));
        actions.emit(SpendRequestService.event(dev.outlay.actions.EventKind.APPROVAL_TASK, r, details));
        changed.fire(new dev.outlay.actions.SubjectChanged(TenantContext.requireTenant(), "spend_request", r.id().toString(),
                "Escalated to " + to + " (SLA passed)"));
    }

    /**
     * The SLA timer's callback runs outside a JTA transaction (the jobs service calls it over HTTP): the escalation's
     * rows, its audit entry and its outbox event then commit together in one of their own. A completion by a user
     * is already inside the inbox's transaction and joins it.
     */
    private static void inTransaction(Runnable work) {
        if (QuarkusTransaction.isActive()) work.run();
        else QuarkusTransaction.requiringNew().run(work);
    }

    private void reopened(WorkflowProcessInstance pi) {
        UUID id = UUID.fromString((String) pi.getVariable("violationId"));
        violations.update(id, "reopened", null, null, null);
        audit.record("policy_violation.reopened", "policy_violation", id.toString(),
                Map.of("action", String.valueOf(pi.getVariable("action"))),
                Map.of("status", "reopened", "verifier", actor(), "owner", String.valueOf(pi.getVariable("ownerGroup"))));
    }

    /** Binds the process's tenant; keeps the current user when one acts in that tenant, else the timer actor. */
    private static void inTenant(WorkflowProcessInstance pi, Runnable work) {
        Object tenant = pi.getVariable("tenantId");
        if (!(tenant instanceof String t) || t.isBlank()) {
            LOG.debugf("process %s has no tenant; nothing to write back", pi.getId());
            return;
        }
        Caller current = TenantContext.caller().orElse(null);
        Caller as = current != null && t.equals(current.tenantId()) ? current : new Caller(t, TIMER_ACTOR, Set.of("admin"));
        try {
            TenantContext.runAs(as, work);
        } catch (IllegalArgumentException e) {
            LOG.warnf("process %s carries an unusable reference: %s", pi.getId(), e.getMessage());
        }
    }

    private static String actor() {
        return TenantContext.caller().map(Caller::subject).orElse(TIMER_ACTOR);
    }
}
