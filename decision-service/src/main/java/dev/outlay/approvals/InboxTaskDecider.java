/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.approvals;

import dev.outlay.actions.TaskDecider;
import dev.outlay.api.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Spend-request decisions from outside the console (Slack buttons) go through the inbox, with its four-eyes rules. */
@ApplicationScoped
public class InboxTaskDecider implements TaskDecider {

    @Inject
    InboxService inbox;

    @Override
    public String subjectType() {
        return "spend_request";
    }

    @Override
    public String decide(String subjectId, String decision, String comment) {
        InboxItem task = inbox.list().stream()
                .filter(t -> "ApproveSpend".equals(t.taskName()) && subjectId.equals(t.subjectId()))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("No open approval of spend request " + subjectId + " for you."));
        inbox.complete(task.taskId(), new InboxDecision(decision, comment));
        return InboxService.stateLine("decided:" + decision, decision, dev.outlay.tenancy.TenantContext.caller().orElseThrow().subject());
    }
}
