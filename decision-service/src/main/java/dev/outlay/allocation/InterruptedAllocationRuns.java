/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.allocation;

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
 * Runs left queued or running by a crash or restart will never finish (their worker died with the process, and
 * results are only written when a run succeeds). Marking them failed matters beyond honesty: a new request for the
 * period would otherwise join the dead run forever.
 */
@ApplicationScoped
public class InterruptedAllocationRuns {

    private static final Logger LOG = Logger.getLogger(InterruptedAllocationRuns.class);

    @Inject
    TenantRegistry tenants;

    @Inject
    AllocationStore store;

    void onStart(@Observes @Priority(5) StartupEvent event) throws JsonProcessingException {
        String problem = new ObjectMapper().writeValueAsString(Problem.of(500, "Allocation run interrupted",
                "the service stopped before this run finished; no results were stored — start the run again"));
        for (String tenant : tenants.ids()) {
            int n = TenantContext.runAs(TenantContext.system(tenant), () -> store.failUnfinished(problem));
            if (n > 0) LOG.warnf("tenant %s: %d unfinished allocation run(s) from before the restart marked failed", tenant, n);
        }
    }
}
