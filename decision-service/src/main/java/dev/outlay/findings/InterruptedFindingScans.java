/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.findings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Scans left queued or running by a crash or restart never finish (their worker died with the process; a scan applies
 * its results in one transaction at its end, so nothing of it was stored). Marking them failed also keeps a new
 * request for the same profile and day from joining a dead scan forever.
 */
@ApplicationScoped
public class InterruptedFindingScans {

    private static final Logger LOG = Logger.getLogger(InterruptedFindingScans.class);

    @Inject
    TenantRegistry tenants;

    @Inject
    FindingStore store;

    void onStart(@Observes @Priority(5) StartupEvent event) throws JsonProcessingException {
        String problem = new ObjectMapper().writeValueAsString(Problem.of(500, "Finding scan interrupted",
                "the service stopped before this scan finished; no findings were changed — start the scan again"));
        for (String tenant : tenants.ids()) {
            int n = TenantContext.runAs(TenantContext.system(tenant), () -> store.failUnfinished(problem));
            if (n > 0) LOG.warnf("tenant %s: %d unfinished finding scan(s) from before the restart marked failed", tenant, n);
        }
    }
}
