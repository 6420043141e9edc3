/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.close;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kie.kogito.MapInput;
import org.kie.kogito.Model;
import org.kie.kogito.process.Process;
import org.kie.kogito.process.ProcessService;

import java.util.Map;

/** Starts the month-end close review (processes/bpmn/month-end-close.bpmn) in the caller's transaction. */
@ApplicationScoped
public class CloseProcess {

    public static final String ID = "monthEndClose";
    public static final String TASK = "ReviewClose";
    public static final String SUBJECT_CLOSE = "close";
    public static final String SUBJECT_RESTATEMENT = "restatement";

    @Inject
    @Named(ID)
    Process<? extends Model> process;

    @Inject
    ProcessService processService;

    @Inject
    CloseConfig config;

    public String start(String tenantId, String period, String subjectType, String subjectId, String preparedBy) {
        return start(process, Map.of("tenantId", tenantId, "period", period, "subjectType", subjectType, "subjectId", subjectId,
                "preparedBy", preparedBy, "reviewGroup", config.reviewGroup(), "sla", config.reviewSla().toString()));
    }

    private <T extends Model> String start(Process<T> p, Map<String, Object> variables) {
        T model = p.createModel();
        ((MapInput) model).fromMap(variables);
        return processService.createProcessInstance(p, null, model, null, null).id();
    }
}
