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
import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.TenantRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * After a crash or restart, ingestions left 'queued' or 'running' will never finish (their worker and temp
 * staging table died with the process; the ledger was never touched). Mark them failed so the manifest tells
 * the truth and the file can be sent again.
 */
@ApplicationScoped
public class InterruptedIngestions {

    private static final Logger LOG = Logger.getLogger(InterruptedIngestions.class);

    @Inject
    TenantRegistry tenants;

    @Inject
    IngestionRepository manifest;

    void onStart(@Observes @Priority(5) StartupEvent event) {
        Problem interrupted = Problem.of(500, "Ingestion interrupted",
                "the service stopped before this ingestion finished; nothing was written to the ledger — send the file again");
        for (String tenant : tenants.ids()) {
            int n = TenantContext.runAs(TenantContext.system(tenant), () -> manifest.failUnfinished(interrupted));
            if (n > 0) LOG.warnf("tenant %s: %d unfinished ingestion(s) from before the restart marked failed", tenant, n);
        }
    }
}
