/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.anomalies.api;

import dev.outlay.cluster.work.ClaimedWork;
import dev.outlay.cluster.WorkClaims;
import dev.outlay.ingestion.IngestionSucceeded;
import dev.outlay.tenancy.TenantContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Detection after loads, coalesced per tenant in the database: one claim per tenant ({@link WorkClaims#request}),
 * so a twelve-month backfill (twelve ingestions, on any instances) gives one detection that waits and at most one
 * more if loads arrive while it runs, so rows loaded during a run are still looked at. Any instance with an idle
 * detection thread takes it; the ingestion workers never wait for detection. A detection whose instance died runs
 * again (it upserts anomalies by deterministic id, so running twice changes nothing).
 */
@ApplicationScoped
public class DetectionClaims implements ClaimedWork {

    static final String KIND = "detection";

    @Inject
    WorkClaims claims;

    @Inject
    DetectionJob job;

    @Inject
    AnomalyConfig config;

    private final AtomicBoolean busy = new AtomicBoolean();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outlay-detect-after-load");
        t.setDaemon(true);
        return t;
    });

    /** The one claim a tenant's after-load detection has. */
    static UUID itemOf(String tenant) {
        return UUID.nameUUIDFromBytes(("detection:" + tenant).getBytes(StandardCharsets.UTF_8));
    }

    void afterIngestion(@Observes IngestionSucceeded e) {
        if (!config.afterIngestion()) return;
        claims.request(KIND, e.tenantId(), itemOf(e.tenantId()));
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public boolean recover(UUID id) {
        return true;
    }

    @Override
    public boolean resumable() {
        return true;
    }

    @Override
    public boolean hasCapacity() {
        return !busy.get();
    }

    @Override
    public void resume(UUID id) {
        String tenant = TenantContext.requireTenant();
        busy.set(true);
        thread.submit(() -> {
            try {
                job.detect(tenant);
            } finally {
                busy.set(false);
                claims.release(KIND, id);
            }
        });
    }
}
