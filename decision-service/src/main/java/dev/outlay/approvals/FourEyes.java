/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.approvals;

import org.kie.kogito.usertask.impl.lifecycle.DefaultUserTaskLifeCycle;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The four-eyes rule below the inbox: a user a task excludes (the spend-approval BPMN excludes the requester from
 * "Approve spend" at every escalation level) may not act on it, whatever groups they hold. Kogito 10.1 only removes
 * excluded users from the potential <em>users</em>; a member of a potential group passes its permission checks
 * ({@code DefaultUserTaskLifeCycle}, {@code SecurityPolicy}), so this rule is enforced on every path into the engine.
 */
final class FourEyes {

    private FourEyes() {
    }

    /** The engine's own actor (timers, auto-claim, the work item handler) is not a person and is never excluded. */
    static boolean excluded(Collection<String> excludedUsers, String user) {
        if (user == null || DefaultUserTaskLifeCycle.WORKFLOW_ENGINE_USER.equals(user)) return false;
        return excludedUsers != null && excludedUsers.contains(user);
    }

    /** {@code ExcludedOwnerId} as the work item carries it: a comma-separated list (jBPM's default user separator). */
    static Set<String> parse(Object excludedOwnerId) {
        if (!(excludedOwnerId instanceof String s) || s.isBlank()) return Set.of();
        return Arrays.stream(s.split(",")).map(String::trim).filter(v -> !v.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }
}
