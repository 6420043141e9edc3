/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.scim;

import dev.outlay.approvals.InboxService;
import dev.outlay.audit.AuditLog;
import dev.outlay.tenancy.SessionRevocations;
import dev.outlay.tenancy.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What deprovisioning a user means in Outlay (SCIM DELETE, or active going false): every console session of theirs
 * ends (sessions are stateless cookies; the revocation time voids the ones issued before it) and every task they
 * had claimed goes back to its group, so nothing waits on somebody who left. Runs in the SCIM request's transaction.
 */
@ApplicationScoped
public class ScimDeprovisioning {

    @Inject
    SessionRevocations sessions;

    @Inject
    InboxService inbox;

    @Inject
    UserDirectory users;

    @Inject
    AuditLog audit;

    public void deprovision(String subject, String reason) {
        sessions.revoke(subject, reason);
        // The roles of their last token: the task list is asked as them, and group tasks they claimed need their groups.
        Set<String> roles = users.known(subject).map(dev.outlay.tenancy.Caller::roles).orElse(Set.of());
        List<String> released = inbox.releaseClaimsOf(subject, roles, reason);
        audit.record("scim.user.deprovision", "user", subject, null, Map.of("reason", reason, "releasedTasks", released));
    }
}
