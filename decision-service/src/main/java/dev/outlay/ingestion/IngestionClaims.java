/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ingestion;

import dev.outlay.api.problem.Problem;
import dev.outlay.cluster.work.ClaimedWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/**
 * Ingestions as claimed work. Its load is one transaction, so an instance that died mid-load left nothing in the
 * ledger (PostgreSQL rolled it back when the connection dropped). A spooled upload is queued again and run by a
 * survivor; anything else (an unspooled upload, a connection's poll) is failed, to be sent again or re-polled.
 */
@ApplicationScoped
public class IngestionClaims implements ClaimedWork {

    static final Problem LOST = Problem.of(500, "Ingestion interrupted",
            "the instance running this ingestion stopped before it finished; nothing was written to the ledger — send the file again");

    @Inject
    IngestionRepository manifest;

    @Inject
    IngestionSpool spool;

    @Inject
    IngestionService service;

    @Override
    public String kind() {
        return IngestionService.KIND;
    }

    @Override
    public boolean recover(UUID id) {
        if (spool.exists(id) && manifest.requeue(id)) return true;
        manifest.failOpen(id, LOST);
        spool.delete(id);
        return false;
    }

    @Override
    public boolean resumable() {
        return true;
    }

    @Override
    public boolean hasCapacity() {
        return service.hasCapacity();
    }

    @Override
    public void resume(UUID id) {
        service.resume(id);
    }
}
