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
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.kie.kogito.usertask.UserTasks;

/**
 * Whether a Kogito process instance or user task belongs to the caller's tenant. Kogito's tables carry no tenant, so
 * the answer comes from Outlay's own row-level-secured tables that record which process runs for which request or
 * violation: an instance of another tenant is simply not found there.
 */
@ApplicationScoped
public class ProcessOwnership {

    @Inject
    SpendRequestRepository requests;

    @Inject
    ViolationRepository violations;

    @Inject
    UserTasks userTasks;

    @Inject
    dev.outlay.close.CloseReviewSubject.Lookup closes;

    public boolean processInTenant(String processInstanceId) {
        return processInstanceId != null && (requests.findByProcessInstance(processInstanceId).isPresent()
                || violations.findByProcessInstance(processInstanceId).isPresent() || closes.inTenant(processInstanceId));
    }

    @Transactional
    public boolean taskInTenant(String taskId) {
        return userTasks.instances().findById(taskId)
                .map(t -> t.getMetadata() == null ? null : (String) t.getMetadata().get("ProcessInstanceId"))
                .map(this::processInTenant)
                .orElse(false);
    }
}
