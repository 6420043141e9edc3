/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.anomalies.api;

import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.TenantRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Daily detection over every tenant's recent ledger, and after successful ingestions (in the background, one run
 * per burst of loads of a tenant). Each tenant runs in its own transaction as its system identity; one tenant's
 * failure is logged and does not stop the others.
 */
@ApplicationScoped
public class DetectionJob {

    @jakarta.inject.Inject
    dev.outlay.cluster.ClusterJobs cluster;

    private static final Logger LOG = Logger.getLogger(DetectionJob.class);

    @Inject
    AnomalyService anomalies;

    @Inject
    AnomalyConfig config;

    @Inject
    TenantRegistry tenants;

    @Scheduled(identity = "anomaly-detection", cron = "${outlay.anomalies.cron:0 30 6 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!cluster.oncePerFiring("anomaly-detection")) return;
        int found = detectAllTenants();
        LOG.infof("scheduled anomaly detection: %d anomalies in the tenants' recent windows", found);
    }

    /** Detection over the recent window of every tenant not being deleted; returns the anomalies now in those windows. */
    public int detectAllTenants() {
        int total = 0;
        for (String tenant : tenants.activeIds()) {
            total += detect(tenant);
        }
        return total;
    }

    /** Detection over one tenant's recent window: the anomalies now in it, 0 when it failed (logged) or has no ledger. */
    public int detect(String tenant) {
        try {
            return TenantContext.runAs(TenantContext.system(tenant), () -> anomalies.detectRecent(config.windowDays()).size());
        } catch (RuntimeException e) {
            LOG.warnf(e, "anomaly detection failed for tenant %s", tenant);
            return 0;
        }
    }

}
