/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ledger;

import dev.outlay.demo.DemoLedgerSeeder;
import dev.outlay.ingestion.Ingestion;
import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.TenantRegistry;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static dev.outlay.ledger.LedgerTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo data set loads through the real pipeline (small N here; the app seeds 90 days x 220 AWS, 110 Azure and 55 GCP resources). */
@QuarkusTest
class DemoLedgerTest {

    @Inject
    DemoLedgerSeeder seeder;

    @Inject
    TenantRegistry tenants;

    @Inject
    AgroalDataSource ds;

    @Test
    void generatedSourcesLoadAndReplayIsANoOp() {
        String t = "ledger-demo";
        tenants.ensure(t, t, false);
        LocalDate end = LocalDate.of(2024, 12, 31);
        List<Ingestion> first = TenantContext.runAs(TenantContext.system(t), () -> seeder.seedNow(end, 35, 20, 10));
        // AWS and SaaS files, then the Azure connection's two months and the GCP connection's two invoice months
        assertEquals(List.of("succeeded", "succeeded", "succeeded", "succeeded", "succeeded", "succeeded"),
                first.stream().map(Ingestion::status).toList());
        assertEquals(List.of("demo-aws", "demo-saas", "demo-azure", "demo-azure", "demo-gcp", "demo-gcp"),
                first.stream().map(Ingestion::source).toList());
        assertTrue(first.stream().allMatch(i -> i.counts().rowsFlagged() == 0));
        assertEquals(List.of("2024-11", "2024-12"), first.get(0).billingPeriods());
        long rows = scalar(ds, t, "SELECT count(*) FROM outlay.ledger_charge").longValue();
        assertEquals(first.stream().mapToLong(i -> i.counts().rowsLoaded()).sum(), rows);
        assertEquals(4, scalar(ds, t, "SELECT count(DISTINCT source) FROM outlay.ledger_charge").intValue());
        List<Ingestion> again = TenantContext.runAs(TenantContext.system(t), () -> seeder.seedNow(end, 35, 20, 10));
        // GCP's re-poll finds nothing exported after its watermark, so it writes no manifest entry
        assertEquals(List.of("duplicate", "duplicate", "duplicate", "duplicate"), again.stream().map(Ingestion::status).toList());
        assertEquals(rows, scalar(ds, t, "SELECT count(*) FROM outlay.ledger_charge").longValue());
    }
}
