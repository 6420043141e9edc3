/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.allocation;

import dev.outlay.cluster.work.ClaimedWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/**
 * Allocation runs as claimed work: a run whose instance died is queued again (its results are only written in the
 * transaction that marks it succeeded, so nothing of it was stored) and a survivor with an idle worker runs it.
 */
@ApplicationScoped
public class AllocationRunClaims implements ClaimedWork {

    @Inject
    AllocationStore store;

    @Inject
    AllocationRuns runs;

    @Override
    public String kind() {
        return AllocationRuns.KIND;
    }

    @Override
    public boolean recover(UUID id) {
        return store.requeue(id);
    }

    @Override
    public boolean resumable() {
        return true;
    }

    @Override
    public boolean hasCapacity() {
        return runs.idle();
    }

    @Override
    public void resume(UUID id) {
        runs.resume(id);
    }
}
