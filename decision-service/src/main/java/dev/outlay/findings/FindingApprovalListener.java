/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.findings;

import dev.outlay.approvals.ProcessStarter;
import dev.outlay.tenancy.Caller;
import dev.outlay.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.kie.api.event.process.ProcessCompletedEvent;
import org.kie.api.runtime.process.WorkflowProcessInstance;
import org.kie.kogito.internal.process.event.DefaultKogitoProcessEventListener;

import java.util.Set;
import java.util.UUID;

/**
 * Hears the end of spend approvals (in the process engine's transaction, next to the approvals' own listener) and
 * hands those that belong to a finding's action to {@link FindingApprovals}. Other spend requests find no finding
 * and are left alone. A timer-driven expiry runs as the tenant's SLA actor.
 */
@ApplicationScoped
public class FindingApprovalListener extends DefaultKogitoProcessEventListener {

    private static final Logger LOG = Logger.getLogger(FindingApprovalListener.class);
    private static final String TIMER_ACTOR = "outlay-sla-timer";

    @Inject
    FindingApprovals approvals;

    @Override
    public void afterProcessCompleted(ProcessCompletedEvent event) {
        WorkflowProcessInstance pi = (WorkflowProcessInstance) event.getProcessInstance();
        if (!ProcessStarter.SPEND_APPROVAL.equals(pi.getProcessId())) return;
        Object tenant = pi.getVariable("tenantId");
        Object request = pi.getVariable("requestId");
        Object outcome = pi.getVariable("outcome");
        if (!(tenant instanceof String t) || t.isBlank() || !(request instanceof String r) || !(outcome instanceof String o)) return;
        Caller current = TenantContext.caller().orElse(null);
        Caller as = current != null && t.equals(current.tenantId()) ? current : new Caller(t, TIMER_ACTOR, Set.of("admin"));
        try {
            TenantContext.runAs(as, () -> approvals.decided(UUID.fromString(r), o, as.subject()));
        } catch (IllegalArgumentException e) {
            LOG.warnf("spend approval %s carries an unusable request id: %s", pi.getId(), e.getMessage());
        }
    }
}
