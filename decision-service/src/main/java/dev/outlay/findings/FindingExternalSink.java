/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.findings;

import dev.outlay.actions.ExternalLink;
import dev.outlay.actions.ExternalStatusSink;
import dev.outlay.tenancy.Caller;
import dev.outlay.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/**
 * A finding's Jira issue reaching "done" marks the finding actioned, awaiting verification (the resource's cost must
 * still drop before it is verified). The lifecycle's rules apply unchanged: the acting identity is the issue
 * ({@code jira:FIN-12}) as a member of the finding's owner group, and a risky action (high risk, DELETE in
 * production) still goes to a FinOps approval instead of being marked done by a ticket.
 */
@ApplicationScoped
public class FindingExternalSink implements ExternalStatusSink {

    @Inject
    FindingStore store;

    @Inject
    FindingLifecycle lifecycle;

    @Override
    public String subjectType() {
        return "finding";
    }

    @Override
    public String externallyDone(String subjectId, ExternalLink link) {
        StoredFinding f = store.find(subjectId).orElse(null);
        if (f == null) return "finding no longer exists";
        if (!FindingStatus.FROM.get("action").contains(f.status())) return "nothing to do (finding is " + f.status() + ")";
        Caller issue = new Caller(TenantContext.requireTenant(), "jira:" + link.key(), Set.of(f.owner()));
        String note = "Jira " + link.key() + " " + link.status() + (link.url() == null ? "" : " (" + link.url() + ")");
        StoredFinding after = TenantContext.runAs(issue, () -> lifecycle.action(subjectId, note));
        return FindingStatus.ACTIONED.equals(after.status()) ? "actioned; awaiting verification"
                : "the action needs an approval first (finding is " + after.status() + ")";
    }
}
