/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.findings;

import dev.outlay.api.problem.Problem;
import dev.outlay.cluster.work.ClaimedWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/**
 * Finding scans as claimed work: a scan whose instance died is failed (its findings change in one transaction at
 * the end, so nothing of it was stored); the daily schedule or the next load queues a new one.
 */
@ApplicationScoped
public class FindingScanClaims implements ClaimedWork {

    @Inject
    FindingStore store;

    @Override
    public String kind() {
        return FindingScans.KIND;
    }

    @Override
    public boolean recover(UUID id) {
        store.scanLost(id, Problem.of(500, "Finding scan interrupted",
                "the instance running this scan stopped before it finished; no findings were changed — start the scan again")
                .at("/api/v1/findings/scans/" + id, null).toJson());
        return false;
    }
}
