/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.cluster.work;

import java.util.UUID;

/**
 * A kind of background work item held through {@link dev.outlay.cluster.WorkClaims}. Implemented by the module that owns the item
 * (ingestion, allocation, findings, reconciliation, anomalies), found by the {@link WorkDispatcher} through CDI.
 * Every method runs under the item's tenant.
 */
public interface ClaimedWork {

    /** The claim kind, e.g. {@code ingestion}. */
    String kind();

    /**
     * The instance running this item is gone. Either fail the item (return false: the claim is dropped) or make it
     * runnable again (return true: the claim is queued for any instance to take).
     */
    boolean recover(UUID id);

    /** Whether queued items of this kind are taken by the dispatcher and handed to {@link #resume(UUID)}. */
    default boolean resumable() {
        return false;
    }

    /** Whether this instance's worker for the kind has room for one more item now. */
    default boolean hasCapacity() {
        return true;
    }

    /** This instance now holds the item's claim: run it on the kind's worker, and release the claim when done. */
    default void resume(UUID id) {
        throw new UnsupportedOperationException(kind() + " items are not resumed");
    }
}
