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
import dev.outlay.api.problem.ProblemException;
import dev.outlay.audit.AuditLog;
import dev.outlay.ledger.LedgerRetraction;
import dev.outlay.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Map;
import java.util.UUID;

/**
 * Retracting a loaded file: the rows it still holds leave the ledger, the manifest says who, when and why, and
 * the audit log records it, all in one transaction. The bytes can be loaded again afterwards (a retracted
 * ingestion is no longer a duplicate's original). Allocation runs and anomalies computed before keep their
 * results until they are run again.
 */
@ApplicationScoped
public class RetractionService {

    static final int MAX_REASON = 500;

    @Inject
    IngestionRepository manifest;

    @Inject
    LedgerRetraction ledger;

    @Inject
    AuditLog audit;

    @Inject
    jakarta.enterprise.event.Event<IngestionRetracted> retracted;

    @Transactional
    public Ingestion retract(UUID id, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            throw ProblemException.badRequest("A reason is required.", Problem.Fault.at("reason", "1 to " + MAX_REASON + " characters"));
        }
        Ingestion before = manifest.find(id).orElseThrow(() -> ProblemException.notFound("ingestion " + id));
        if (!before.status().equals("succeeded")) {
            throw ProblemException.conflict("Only a succeeded ingestion can be retracted; " + id + " is " + before.status() + ".");
        }
        long removed = ledger.retract(id, before.source(), before.billingPeriods());
        String by = TenantContext.caller().orElseThrow().subject();
        if (!manifest.markRetracted(id, by, reason.strip(), removed)) {
            throw ProblemException.conflict("Ingestion " + id + " changed while it was being retracted.");
        }
        Ingestion after = manifest.find(id).orElseThrow();
        audit.record("ingestion.retract", "ingestion", id.toString(), summary(before), summary(after));
        // Observers that react to changed periods (a FINAL close becomes a restatement proposal) run after commit.
        retracted.fire(new IngestionRetracted(TenantContext.requireTenant(), id));
        return after;
    }

    private static Map<String, Object> summary(Ingestion i) {
        return Map.of("source", i.source(), "objectKey", i.objectKey(), "status", i.status(), "rowsLoaded", i.counts().rowsLoaded(),
                "billingPeriods", i.billingPeriods(), "retraction", i.retraction() == null ? Map.of() : i.retraction());
    }
}
