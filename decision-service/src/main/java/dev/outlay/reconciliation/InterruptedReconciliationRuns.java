/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.reconciliation;

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
 * A run left running by a crash or restart will never finish (its worker died with the process; results are only
 * written when it ends). Marking it failed also lets a new request for the period start instead of joining it.
 */
@ApplicationScoped
public class InterruptedReconciliationRuns {

    private static final Logger LOG = Logger.getLogger(InterruptedReconciliationRuns.class);

    @Inject
    TenantRegistry tenants;

    @Inject
    ReconciliationStore store;

    void onStart(@Observes @Priority(5) StartupEvent event) throws JsonProcessingException {
        String problem = new ObjectMapper().writeValueAsString(Problem.of(500, "Reconciliation run interrupted",
                "the service stopped before this run finished; no result was stored — start the run again"));
        for (String tenant : tenants.ids()) {
            int n = TenantContext.runAs(TenantContext.system(tenant), () -> store.failUnfinished(problem));
            if (n > 0) LOG.warnf("tenant %s: %d unfinished reconciliation run(s) from before the restart marked failed", tenant, n);
        }
    }
}
