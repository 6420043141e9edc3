/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.close;

import dev.outlay.allocation.AllocationRunSucceeded;
import dev.outlay.ingestion.Ingestion;
import dev.outlay.ingestion.IngestionRepository;
import dev.outlay.ingestion.IngestionRetracted;
import dev.outlay.ingestion.IngestionSucceeded;
import dev.outlay.tenancy.Caller;
import dev.outlay.tenancy.TenantContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.YearMonth;
import java.util.Set;
import java.util.UUID;

/**
 * Watches the ledger and the allocation change: every period a loaded (a restated export, a late credit) or retracted
 * ingestion touches, and the period of a new allocation run (e.g. a changed allocation rule version re-allocating a
 * closed month), is offered to {@link CloseService#dataChanged}, which turns a change of a FINAL period into a
 * restatement proposal.
 * Runs after the change committed, each period in its own transaction; a failure here is logged and never undoes
 * the load or the retraction.
 */
@ApplicationScoped
public class RestatementDetector {

    private static final Logger LOG = Logger.getLogger(RestatementDetector.class);

    @Inject
    CloseService close;

    @Inject
    IngestionRepository ingestions;

    void loaded(@Observes IngestionSucceeded e) {
        changed(e.tenantId(), e.ingestionId(), "ingestion");
    }

    void retracted(@Observes(during = TransactionPhase.AFTER_SUCCESS) IngestionRetracted e) {
        changed(e.tenantId(), e.ingestionId(), "retraction");
    }

    void allocated(@Observes AllocationRunSucceeded e) {
        // Whoever re-allocated is excluded from reviewing the restatement it causes, like the loader of a file.
        TenantContext.runAs(caller(e.tenantId()), () -> offer(YearMonth.from(e.billingPeriod()), "allocation", e.runId(), e.by()));
    }

    private static Caller caller(String tenant) {
        return TenantContext.caller().filter(c -> tenant.equals(c.tenantId())).orElse(new Caller(tenant, "system", Set.of("admin")));
    }

    private void offer(YearMonth period, String kind, UUID trigger, String by) {
        try {
            QuarkusTransaction.requiringNew().run(() -> close.dataChanged(period, kind, trigger, by));
        } catch (RuntimeException ex) {
            LOG.warnf(ex, "%s %s: could not check period %s for a restatement", kind, trigger, period);
        }
    }

    private void changed(String tenant, UUID ingestionId, String kind) {
        Caller as = caller(tenant);
        TenantContext.runAs(as, () -> {
            Ingestion i = QuarkusTransaction.requiringNew().call(() -> ingestions.find(ingestionId).orElse(null));
            if (i == null) return;
            // Four-eyes: whoever brought the change is excluded from reviewing the restatement it causes.
            String by = "retraction".equals(kind) && i.retraction() != null ? i.retraction().by()
                    : i.createdBy() == null ? as.subject() : i.createdBy();
            for (String period : i.billingPeriods()) offer(YearMonth.parse(period), kind, ingestionId, by);
        });
    }

}
