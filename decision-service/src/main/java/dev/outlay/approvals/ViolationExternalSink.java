/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.approvals;

import dev.outlay.actions.ExternalLink;
import dev.outlay.actions.ExternalStatusSink;
import dev.outlay.tenancy.Caller;
import dev.outlay.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;
import java.util.UUID;

/**
 * A violation's Jira issue reaching "done" completes the violation's acknowledgement task through the inbox, with
 * the issue as the action taken: the violation becomes "acknowledged", awaiting verification by a person. The
 * inbox's rules apply unchanged; the acting identity is the issue ({@code jira:FIN-12}) as a member of the owner
 * group, so any human may verify it (four-eyes: the verifier must differ from who acknowledged).
 */
@ApplicationScoped
public class ViolationExternalSink implements ExternalStatusSink {

    @Inject
    InboxService inbox;

    @Inject
    ViolationRepository violations;

    @Override
    public String subjectType() {
        return "policy_violation";
    }

    @Override
    public String externallyDone(String subjectId, ExternalLink link) {
        UUID id = UUID.fromString(subjectId);
        Violation v = violations.find(id).orElse(null);
        if (v == null) return "violation no longer exists";
        Caller issue = new Caller(TenantContext.requireTenant(), "jira:" + link.key(), Set.of(v.owner()));
        return TenantContext.runAs(issue, () -> inbox.list().stream()
                .filter(t -> "AcknowledgeViolation".equals(t.taskName()) && subjectId.equals(t.subjectId()))
                .findFirst()
                .map(t -> {
                    inbox.complete(t.taskId(), new InboxDecision(null, "Jira " + link.key() + " " + link.status() + (link.url() == null ? "" : " (" + link.url() + ")")));
                    return "acknowledged; awaiting verification";
                })
                .orElse("no open acknowledgement (violation is " + v.status() + ")"));
    }
}
