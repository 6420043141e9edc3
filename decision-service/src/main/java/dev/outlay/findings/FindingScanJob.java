/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.findings;

import dev.outlay.ingestion.IngestionSucceeded;
import dev.outlay.ingestion.InventoryLoaded;
import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.TenantRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;


/**
 * A daily scan per tenant with the default profile, and one after each successful billing load, inventory import or
 * aws-inventory read ({@code outlay.findings.after-ingestion}). Scans go through the same single worker as requested
 * ones (a burst of loads joins the scan already queued for that day; a scan already running does not see the new
 * data, so a load then queues the next one), run as the tenant's system identity, and one tenant's failure is
 * recorded on its scan without stopping the others.
 */
@ApplicationScoped
public class FindingScanJob {

    @jakarta.inject.Inject
    dev.outlay.cluster.ClusterJobs cluster;

    private static final Logger LOG = Logger.getLogger(FindingScanJob.class);

    @Inject
    FindingScans scans;

    @Inject
    TenantRegistry tenants;

    @Inject
    FindingsConfig config;

    @Scheduled(identity = "finding-scan", cron = "${outlay.findings.cron:0 0 7 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!cluster.oncePerFiring("finding-scan")) return;
        int queued = 0;
        for (String tenant : tenants.activeIds()) {
            if (queue(tenant, "schedule")) queued++;
        }
        LOG.infof("scheduled finding scans queued for %d tenant(s)", queued);
    }

    /** Queued off the ingestion's thread, so the scan row never waits on (or joins) the loader's transaction. */
    void afterIngestion(@Observes IngestionSucceeded e) {
        if (config.afterIngestion()) java.util.concurrent.CompletableFuture.runAsync(() -> queue(e.tenantId(), "ingestion"));
    }

    /**
     * The same after an inventory import or an aws-inventory read, once its transaction has committed (at once when
     * it ran without one), so the scan reads what was stored.
     */
    void afterInventory(@Observes(during = TransactionPhase.AFTER_SUCCESS) InventoryLoaded e) {
        if (config.afterIngestion()) java.util.concurrent.CompletableFuture.runAsync(() -> queue(e.tenantId(), "inventory"));
    }

    /** Queues a default-profile scan of the last complete day for the tenant; false when it could not be queued (logged). */
    public boolean queue(String tenant, String trigger) {
        try {
            TenantContext.runAs(TenantContext.system(tenant),
                    () -> scans.submit(FindingScans.DEFAULT_PROFILE, FindingScans.lastCompleteDay(), trigger));
            return true;
        } catch (RuntimeException ex) {
            LOG.warnf(ex, "could not queue a finding scan for tenant %s", tenant);
            return false;
        }
    }
}
