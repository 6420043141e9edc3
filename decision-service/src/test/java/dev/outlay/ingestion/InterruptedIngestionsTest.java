/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ingestion;

import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.TenantRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Ingestions cut off by a restart are marked failed at the next start, so the manifest never lies. */
@QuarkusTest
class InterruptedIngestionsTest {

    @Inject
    InterruptedIngestions recovery;

    @Inject
    IngestionRepository manifest;

    @Inject
    TenantRegistry tenants;

    @Test
    void unfinishedIngestionsAreFailedOnStart() {
        String t = "ledger-restart";
        tenants.ensure(t, t, false);
        UUID id = UUID.randomUUID();
        TenantContext.runAs(TenantContext.system(t), () -> {
            manifest.create(id, "aws-cur", "aws-cur", "killed.csv", "abc", null, 10L, "x");
            manifest.markRunning(id);
        });
        recovery.onStart(null);
        Ingestion after = TenantContext.runAs(TenantContext.system(t), () -> manifest.find(id).orElseThrow());
        assertEquals("failed", after.status());
        assertEquals("Ingestion interrupted", after.error().title());
    }

    @Inject
    dev.outlay.cluster.WorkClaims claims;

    @Test
    void anotherInstancesRunningIngestionIsLeftAloneOnStart() {
        String t = "ledger-restart";
        tenants.ensure(t, t, false);
        UUID id = UUID.randomUUID();
        claims.lease("ingestion", t, id); // a live instance (this one) holds it
        TenantContext.runAs(TenantContext.system(t), () -> {
            manifest.create(id, "aws-cur", "aws-cur", "busy.csv", "abd", null, 10L, "x");
            manifest.markRunning(id);
        });
        recovery.onStart(null);
        Ingestion after = TenantContext.runAs(TenantContext.system(t), () -> manifest.find(id).orElseThrow());
        assertEquals("running", after.status(), "a restart of one instance must not kill another's work");
        claims.release("ingestion", id);
        TenantContext.runAs(TenantContext.system(t), () -> manifest.failOpen(id, IngestionClaims.LOST));
    }
}
