/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.findings;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A finding's lifecycle: open → accepted | waived (reason, until) → actioned → verified (the resource's cost dropped)
 * or reopened (still detected after the grace). pending_approval sits between a risky action and its approval;
 * closed ends a finding whose resource disappeared or whose condition no longer holds.
 */
public final class FindingStatus {

    public static final String OPEN = "open";
    public static final String ACCEPTED = "accepted";
    public static final String WAIVED = "waived";
    public static final String PENDING_APPROVAL = "pending_approval";
    public static final String ACTIONED = "actioned";
    public static final String VERIFIED = "verified";
    public static final String REOPENED = "reopened";
    public static final String CLOSED = "closed";

    public static final List<String> ALL = List.of(OPEN, ACCEPTED, WAIVED, PENDING_APPROVAL, ACTIONED, VERIFIED, REOPENED, CLOSED);

    /** The transitions people ask for, and the statuses each may start from. */
    static final Map<String, Set<String>> FROM = Map.of(
            "accept", Set.of(OPEN, REOPENED),
            "waive", Set.of(OPEN, REOPENED, ACCEPTED),
            "action", Set.of(OPEN, REOPENED, ACCEPTED),
            "reopen", Set.of(ACCEPTED, WAIVED, ACTIONED, VERIFIED, CLOSED),
            "verify", Set.of(ACTIONED));

    /** Statuses a scan still looks after (re-detection, disappearance). Verified and closed findings are done. */
    static final Set<String> LIVE = Set.of(OPEN, ACCEPTED, WAIVED, PENDING_APPROVAL, ACTIONED, REOPENED);

    private FindingStatus() {
    }

    public static boolean known(String status) {
        return ALL.contains(status);
    }
}
