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
import jakarta.inject.Named;
import org.kie.kogito.MapInput;
import org.kie.kogito.Model;
import org.kie.kogito.process.Process;
import org.kie.kogito.process.ProcessService;

import java.util.Map;

/** Starts the approval and triage processes in the caller's transaction (Kogito's JDBC persistence joins it). */
@ApplicationScoped
public class ProcessStarter {

    public static final String SPEND_APPROVAL = "spendApproval";
    public static final String VIOLATION_TRIAGE = "policyViolationTriage";

    @Inject
    @Named(SPEND_APPROVAL)
    Process<? extends Model> spendApproval;

    @Inject
    @Named(VIOLATION_TRIAGE)
    Process<? extends Model> violationTriage;

    @Inject
    ProcessService processService;

    public String startSpendApproval(Map<String, Object> variables) {
        return start(spendApproval, variables);
    }

    public String startViolationTriage(Map<String, Object> variables) {
        return start(violationTriage, variables);
    }

    /**
     * Ends a violation triage that is still running (aborting it fails its open user tasks, so they leave every
     * inbox); false when it had already ended.
     */
    public boolean abortViolationTriage(String processInstanceId) {
        return violationTriage.instances().findById(processInstanceId)
                .filter(pi -> pi.status() != org.kie.kogito.process.ProcessInstance.STATE_COMPLETED
                        && pi.status() != org.kie.kogito.process.ProcessInstance.STATE_ABORTED)
                .map(pi -> {
                    pi.abort();
                    return true;
                }).orElse(false);
    }

    private <T extends Model> String start(Process<T> process, Map<String, Object> variables) {
        T model = process.createModel();
        ((MapInput) model).fromMap(variables);
        return processService.createProcessInstance(process, null, model, null, null).id();
    }
}
