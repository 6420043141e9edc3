/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.close;

import dev.outlay.tenancy.Caller;
import dev.outlay.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.kie.api.event.process.ProcessCompletedEvent;
import org.kie.api.event.process.ProcessNodeLeftEvent;
import org.kie.api.runtime.process.WorkflowProcessInstance;
import org.kie.kogito.internal.process.event.DefaultKogitoProcessEventListener;

import java.util.Set;

/**
 * Writes what the month-end close review decides back to the close tables, in the process engine's transaction:
 * a re-run (the "Rerun" node), an escalation (the SLA timer's "Escalate" node) and the outcome. The process carries
 * its tenant; a timer fires without a user, so that work runs as the tenant's close timer actor.
 */
@ApplicationScoped
public class CloseProcessListener extends DefaultKogitoProcessEventListener {

    private static final Logger LOG = Logger.getLogger(CloseProcessListener.class);
    public static final String TIMER_ACTOR = "outlay-close-timer";

    @Inject
    CloseService close;

    @Override
    public void afterNodeLeft(ProcessNodeLeftEvent event) {
        WorkflowProcessInstance pi = (WorkflowProcessInstance) event.getProcessInstance();
        if (!CloseProcess.ID.equals(pi.getProcessId())) return;
        String node = event.getNodeInstance().getNodeName();
        if ("Rerun".equals(node)) {
            inTenant(pi, () -> close.rerun(var(pi, "period"), var(pi, "subjectType"), var(pi, "subjectId")));
        } else if ("Escalate".equals(node)) {
            inTenant(pi, () -> close.escalated(var(pi, "period"), var(pi, "subjectType"), var(pi, "subjectId")));
        }
    }

    @Override
    public void afterProcessCompleted(ProcessCompletedEvent event) {
        WorkflowProcessInstance pi = (WorkflowProcessInstance) event.getProcessInstance();
        if (!CloseProcess.ID.equals(pi.getProcessId())) return;
        String outcome = var(pi, "outcome");
        if (!"approved".equals(outcome) && !"rejected".equals(outcome)) return; // aborted (tenant deletion): leave the rows
        inTenant(pi, () -> {
            // The decider is the authenticated caller whose completion ended the process; the task's ActorId output
            // (decidedBy) is only used below the API, where the engine is driven with explicit identities.
            String by = TenantContext.caller().map(Caller::subject).filter(s -> !TIMER_ACTOR.equals(s)).orElse(var(pi, "decidedBy"));
            close.decided(var(pi, "period"), var(pi, "subjectType"), var(pi, "subjectId"), outcome, by == null ? TIMER_ACTOR : by,
                    var(pi, "reason"));
        });
    }

    private static String var(WorkflowProcessInstance pi, String name) {
        Object v = pi.getVariable(name);
        return v == null ? null : v.toString();
    }

    private static void inTenant(WorkflowProcessInstance pi, Runnable work) {
        Object tenant = pi.getVariable("tenantId");
        if (!(tenant instanceof String t) || t.isBlank()) {
            LOG.debugf("close process %s has no tenant; nothing to write back", pi.getId());
            return;
        }
        Caller current = TenantContext.caller().orElse(null);
        Caller as = current != null && t.equals(current.tenantId()) ? current : new Caller(t, TIMER_ACTOR, Set.of("admin"));
        TenantContext.runAs(as, work);
    }
}
