/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.reconciliation;

import dev.outlay.api.problem.Problem;
import dev.outlay.cluster.work.ClaimedWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/**
 * Reconciliation runs as claimed work: a run whose instance died is failed (its results are stored in one
 * transaction at the end, so nothing of it was stored); it is started again by request.
 */
@ApplicationScoped
public class ReconciliationRunClaims implements ClaimedWork {

    @Inject
    ReconciliationStore store;

    @Override
    public String kind() {
        return ReconciliationRuns.KIND;
    }

    @Override
    public boolean recover(UUID id) {
        store.lost(id, Problem.of(500, "Reconciliation run interrupted",
                "the instance running this run stopped before it finished; no results were stored — start the run again")
                .at("/api/v1/reconciliations/" + id, null).toJson());
        return false;
    }
}
