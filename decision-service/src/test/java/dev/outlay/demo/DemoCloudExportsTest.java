/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.demo;

import dev.outlay.connectors.gcp.GcpBigQueryConfig;
import dev.outlay.connectors.gcp.GcpBillingRead;
import dev.outlay.connectors.gcp.GcpBillingReader;
import dev.outlay.connectors.synthetic.SyntheticAzureExports;
import dev.outlay.connectors.synthetic.SyntheticGcpBilling;
import dev.outlay.ingestion.Ingestion;
import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.TenantRegistry;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo's Azure and GCP billing: generated in the providers' native shapes, served by the labelled loopback
 * stub (Blob and BigQuery REST), loaded through the tenant's azure-blob and gcp-bigquery connections. Per month the
 * ledger matches the generator's own sums to the cent: Azure billed = Σ actual export, effective = Σ amortized export
 * (the reservation purchase billed once and amortized once, its idle part as unused), GCP billed = Σ cost and
 * effective = Σ (cost + credits). A second seed is a duplicate (Azure) or finds nothing newer (GCP).
 */
@QuarkusTest
class DemoCloudExportsTest {

    static final String T = "demo-clouds";
    static final LocalDate END = LocalDate.of(2024, 12, 31);
    static final int DAYS = 45;

    @Inject
    DemoCloudExportsSeeder seeder;

    @Inject
    TenantRegistry tenants;

    @Inject
    DemoCloudExportsStub stub;

    @Inject
    DemoLedgerSeeder ledger;

    @Inject
    dev.outlay.connections.ConnectionService connections;

    @Inject
    AgroalDataSource ds;

    @Test
    void azurePairAndGcpExportLoadThroughTheirConnectionsToTheGeneratorsSums() {
        tenants.ensure(T, T, false);
        DemoCloudExportsSeeder.Seeded s = TenantContext.runAs(TenantContext.system(T), () -> seeder.seedNow(END, DAYS, 30, 12));
        assertEquals("ok", s.azurePoll().result().status(), s.azurePoll().ingestions().stream().map(i -> String.valueOf(i.error())).toList().toString());
        assertEquals("ok", s.gcpPoll().result().status(), s.gcpPoll().ingestions().stream().map(i -> String.valueOf(i.error())).toList().toString());
        assertEquals(List.of("succeeded", "succeeded"), s.azurePoll().ingestions().stream().map(Ingestion::status).toList());
        assertEquals(List.of("succeeded", "succeeded"), s.gcpPoll().ingestions().stream().map(Ingestion::status).toList());
        assertTrue(s.ingestions().stream().allMatch(i -> i.counts().rowsFlagged() == 0), s.ingestions().toString());

        List<SyntheticAzureExports.Month> azure = s.prepared().azureMonths();
        assertEquals(2, azure.size());
        for (SyntheticAzureExports.Month m : azure) {
            String month = m.month().toString();
            String where = " WHERE source = 'demo-azure' AND to_char(billing_period_start AT TIME ZONE 'UTC', 'YYYY-MM') = ?";
            assertMoney(m.billed(), sum("sum(billed_cost)", where, month));
            assertMoney(m.effective(), sum("sum(effective_cost)", where, month));
            // the purchase once, billed in full and not effective; its amortization effective and not billed
            String purchase = where + " AND charge_category = 'Purchase' AND commitment_discount_id IS NOT NULL";
            assertMoney(m.reservationPurchase(), sum("sum(billed_cost)", purchase, month));
            assertMoney(BigDecimal.ZERO, sum("sum(effective_cost)", purchase, month));
            String amortized = where + " AND charge_category = 'Usage' AND commitment_discount_id IS NOT NULL";
            assertMoney(m.reservationAmortized(), sum("sum(effective_cost)", amortized, month));
            assertMoney(BigDecimal.ZERO, sum("sum(billed_cost)", amortized, month));
            assertMoney(m.unusedReservation(), sum("sum(effective_cost)", amortized + " AND commitment_discount_status = 'Unused'", month));
            assertTrue(m.unusedReservation().signum() > 0, "the reservation has idle hours");
            // the actual file's rows that repeat amortized ones are not loaded: amortized rows + the purchase
            long purchases = m.reservationPurchase().signum() > 0 ? 1 : 0;
            assertEquals(m.amortizedRows() + purchases, sum("count(*)", where, month).longValue());
        }
        // December's 1st is in the window: its purchase is billed; the window starts mid-November (amortization only).
        assertTrue(azure.get(1).reservationPurchase().signum() > 0 && azure.get(0).reservationPurchase().signum() == 0);
        // tags in both forms read alike (the amortized JSON form is what is loaded)
        assertTrue(sum("count(*)", " WHERE source = 'demo-azure' AND lower(tags::text) LIKE '%\"team\"%'").signum() > 0);
        assertTrue(sum("count(*)", " WHERE source = 'demo-azure' AND service_name = 'Bandwidth' AND billing_currency = 'EUR'").signum() > 0);

        List<SyntheticGcpBilling.Month> gcp = s.prepared().gcpMonths();
        assertEquals(List.of("202411", "202412"), gcp.stream().map(SyntheticGcpBilling.Month::invoiceMonth).toList());
        for (SyntheticGcpBilling.Month m : gcp) {
            String month = m.invoiceMonth().substring(0, 4) + "-" + m.invoiceMonth().substring(4);
            String where = " WHERE source = 'demo-gcp' AND to_char(billing_period_start AT TIME ZONE 'UTC', 'YYYY-MM') = ?";
            assertEquals(m.rows(), sum("count(*)", where, month).longValue());
            assertMoney(m.cost(), sum("sum(billed_cost)", where, month));
            assertMoney(m.net(), sum("sum(effective_cost)", where, month));
            assertTrue(m.credits().signum() < 0);
            assertEquals(1, sum("count(*)", where + " AND charge_category = 'Tax'", month).intValue());
        }

        // Re-seeding: the same Azure runs are duplicates; BigQuery has nothing exported after the watermark.
        DemoCloudExportsSeeder.Seeded again = TenantContext.runAs(TenantContext.system(T), () -> seeder.seedNow(END, DAYS, 30, 12));
        assertEquals(List.of("duplicate", "duplicate"), again.azurePoll().ingestions().stream().map(Ingestion::status).toList());
        assertEquals(List.of(), again.gcpPoll().ingestions());
        assertEquals(s.prepared().azure().id(), again.prepared().azure().id(), "the connection is reused");
        BigDecimal rows = azure.stream().map(m -> BigDecimal.valueOf(m.amortizedRows() + (m.reservationPurchase().signum() > 0 ? 1 : 0)))
                .reduce(BigDecimal.ZERO, BigDecimal::add).add(BigDecimal.valueOf(gcp.stream().mapToLong(SyntheticGcpBilling.Month::rows).sum()));
        assertMoney(rows, sum("count(*)", ""));

        // The connections are the tenant's own, shown like any other (credentials masked).
        given().header("Authorization", bearer(T, "fo", "finops_admin")).get("/api/v1/connections/" + s.prepared().azure().id())
                .then().statusCode(200).body("kind", equalTo("azure-blob")).body("lastPoll.status", equalTo("ok"));
        given().header("Authorization", bearer(T, "fo", "finops_admin")).get("/api/v1/connections/" + s.prepared().gcp().id())
                .then().statusCode(200).body("kind", equalTo("gcp-bigquery"));
    }

    @Test
    void theBigQueryStubPagesLikeBigQueryForTheRealReader() {
        tenants.ensure("demo-clouds-paging", "demo-clouds-paging", false);
        DemoCloudExportsSeeder.Prepared p = TenantContext.runAs(TenantContext.system("demo-clouds-paging"),
                () -> seeder.prepare(END, 20, 6, 9));
        SyntheticGcpBilling.Month december = p.gcpMonths().get(0);
        // 50 rows a page: jobs.query gives the first page and a pageToken, then jobs.get and tabledata.list the rest.
        GcpBillingRead read = new GcpBillingReader(new GcpBigQueryConfig(DemoCloudExportsStub.PROJECT, DemoCloudExportsStub.DATASET,
                p.gcpTable(), null, URI.create(stub.baseUrl())), 50).read(december.invoiceMonth(), null);
        assertEquals(december.rows(), read.rows().size());
        assertTrue(december.rows() > 100, "more than two pages: " + december.rows());
        assertMoney(december.cost(), read.rows().stream().map(r -> r.charge().billedCost()).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertMoney(december.net(), read.rows().stream().map(r -> r.charge().effectiveCost()).reduce(BigDecimal.ZERO, BigDecimal::add));
        // Nothing exported after the newest export_time: no rows, as the watermark expects.
        assertEquals(0, new GcpBillingReader(new GcpBigQueryConfig(DemoCloudExportsStub.PROJECT, DemoCloudExportsStub.DATASET,
                p.gcpTable(), null, URI.create(stub.baseUrl())), 50).read(december.invoiceMonth(), read.watermark()).rows().size());
    }

    @Test
    void aNewDemoTenantsSeedQueuesTheConnectionPolls() throws InterruptedException {
        // The path a demo tenant's creation takes: files queued, connections created now, their polls on the workers.
        String t = "demo-clouds-async";
        tenants.ensure(t, t, false);
        TenantContext.runAs(TenantContext.system(t), () -> ledger.seedAsync(END, 10, 4, 5));
        List<dev.outlay.connections.Connection> polled = List.of();
        for (int i = 0; i < 600 && polled.size() < 2; i++) {
            Thread.sleep(100);
            polled = TenantContext.runAs(TenantContext.system(t), () -> connections.list()).stream()
                    .filter(c -> c.lastPoll() != null).toList();
        }
        assertEquals(2, polled.size(), "both connections polled");
        assertTrue(polled.stream().allMatch(c -> c.lastPoll().status().equals("ok")), polled.toString());
    }

    private static void assertMoney(BigDecimal expected, BigDecimal actual) {
        assertEquals(0, expected.compareTo(actual), "expected " + expected + " but was " + actual);
    }

    private BigDecimal sum(String expression, String where, Object... args) {
        return TenantContext.runAs(TenantContext.system(T), () -> {
            try (Connection c = ds.getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT coalesce(" + expression + ", 0) FROM outlay.ledger_charge" + where)) {
                for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBigDecimal(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
