/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.approvals;

import jakarta.enterprise.context.ApplicationScoped;
import org.kie.kogito.auth.SecurityPolicy;
import org.kie.kogito.internal.process.event.DefaultKogitoProcessEventListener;
import org.kie.kogito.internal.process.event.ProcessWorkItemTransitionEvent;
import org.kie.kogito.internal.process.workitem.NotAuthorizedException;
import org.kie.kogito.internal.process.workitem.Policy;

/**
 * The work-item side of four-eyes. Kogito still generates the process-scoped task routes
 * ({@code POST /spendApproval/{id}/ApproveSpend/{workItemId}} and its phases); they move the work item directly and
 * then close the user task as the engine, so {@link FourEyesUserTaskLifeCycle} never sees the caller. The caller
 * arrives here as the transition's {@link SecurityPolicy}, whose own check lets any member of the task's group pass,
 * excluded or not. Transitions the engine makes itself carry no policy and are not affected.
 */
@ApplicationScoped
public class ExcludedOwnerGuard extends DefaultKogitoProcessEventListener {

    @Override
    public void beforeWorkItemTransition(ProcessWorkItemTransitionEvent event) {
        if (event.getTransition() == null || event.getTransition().policies() == null) return;
        var excluded = FourEyes.parse(event.getWorkItem().getParameter("ExcludedOwnerId"));
        if (excluded.isEmpty()) return;
        for (Policy policy : event.getTransition().policies()) {
            if (policy instanceof SecurityPolicy caller && FourEyes.excluded(excluded, caller.getUser())) {
                throw new NotAuthorizedException("User " + caller.getUser() + " is excluded from work item "
                        + event.getWorkItem().getStringId() + " (four-eyes).");
            }
        }
    }
}
