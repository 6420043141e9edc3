/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.cluster.work;

import dev.outlay.cluster.ClusterConfig;
import dev.outlay.cluster.WorkClaims;
import dev.outlay.tenancy.TenantContext;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Every instance, every {@code outlay.cluster.poll-every}: recovers the claims of instances whose lease ran out
 * (each kind re-queues or fails its item) and takes queued items of resumable kinds while their worker has room.
 * Runs on every instance on purpose: recovery and taking are claims in one statement each, so they need no leader.
 */
@ApplicationScoped
public class WorkDispatcher {

    private static final Logger LOG = Logger.getLogger(WorkDispatcher.class);

    @Inject
    ClusterConfig config;

    @Inject
    WorkClaims claims;

    @Inject
    Instance<ClaimedWork> kinds;

    private final Map<String, ClaimedWork> byKind = new HashMap<>();
    private ScheduledExecutorService timer;

    void onStart(@Observes @Priority(20) StartupEvent event) {
        for (ClaimedWork k : kinds) byKind.put(k.kind(), k);
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outlay-cluster-dispatch");
            t.setDaemon(true);
            return t;
        });
        long every = config.pollEvery().toMillis();
        timer.scheduleWithFixedDelay(this::safeRunOnce, 0, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) timer.shutdownNow();
    }

    private void safeRunOnce() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warnf(e, "cluster dispatch pass failed");
        }
    }

    /** One pass: recovery, then taking queued work. Public for tests that drive it. */
    public void runOnce() {
        for (WorkClaims.Item item : claims.takeExpired(100)) recover(item);
        for (ClaimedWork k : byKind.values()) {
            if (!k.resumable()) continue;
            while (k.hasCapacity()) {
                Optional<WorkClaims.Item> next = claims.claimNext(k.kind());
                if (next.isEmpty()) break;
                WorkClaims.Item item = next.get();
                LOG.infof("%s %s of tenant %s taken by this instance", item.kind(), item.id(), item.tenantId());
                try {
                    TenantContext.runAs(TenantContext.system(item.tenantId()), () -> k.resume(item.id()));
                } catch (RuntimeException e) {
                    LOG.warnf(e, "%s %s could not be resumed", item.kind(), item.id());
                    claims.release(item.kind(), item.id());
                }
            }
        }
    }

    private void recover(WorkClaims.Item item) {
        ClaimedWork k = byKind.get(item.kind());
        if (k == null) {
            LOG.warnf("claim of unknown kind %s (%s) left for an instance that knows it", item.kind(), item.id());
            claims.requeue(item);
            return;
        }
        boolean again;
        try {
            again = TenantContext.runAs(TenantContext.system(item.tenantId()), () -> k.recover(item.id()));
        } catch (RuntimeException e) {
            LOG.warnf(e, "%s %s: recovery failed; another pass retries it", item.kind(), item.id());
            return;
        }
        if (again) {
            claims.requeue(item);
            LOG.infof("%s %s of tenant %s: its instance is gone, queued again", item.kind(), item.id(), item.tenantId());
        } else {
            claims.drop(item);
            LOG.infof("%s %s of tenant %s: its instance is gone, marked failed", item.kind(), item.id(), item.tenantId());
        }
    }
}
