/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.demo;

import dev.outlay.carbon.api.CarbonReport;
import dev.outlay.carbon.api.CarbonReports;
import dev.outlay.commitments.api.CommitmentRecommendationReport;
import dev.outlay.commitments.api.CommitmentRecommendations;
import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.TenantRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo tenant's generated ledger gives a carbon report and a commitment recommendation (README walk-through). */
@QuarkusTest
class DemoEconomicsTest {

    static final String T = "demo-economics";
    static final LocalDate END = LocalDate.of(2026, 11, 30);

    @Inject
    DemoLedgerSeeder ledger;

    @Inject
    DemoInventorySeeder inventory;

    @Inject
    TenantRegistry tenants;

    @Inject
    CarbonReports carbon;

    @Inject
    CommitmentRecommendations commitments;

    @Inject
    dev.outlay.savings.SavingsReports savings;

    @Test
    void carbonCommitmentsAndSavingsFromTheDemoLedger() throws InterruptedException {
        tenants.ensure(T, T, false);
        TenantContext.runAs(TenantContext.system(T), () -> {
            ledger.seedNow(END, 90, 60, 30);
            inventory.seedNow(END, 90);
        });
        CarbonReport c = TenantContext.runAs(TenantContext.system(T), () -> carbon.report("team", "2026-11-01", "2026-12-01", null));
        assertFalse(c.rows().isEmpty());
        assertTrue(c.totalKwh().signum() > 0 && c.totalKgCo2e().signum() > 0, c.totalKwh() + " kWh");
        assertTrue(c.factorSet().bundled());
        // the demo's Azure VM meters name no size and its CDN/egress leaves the provider network: listed, with their cost
        assertTrue(c.unestimated().stream().anyMatch(u -> u.reason().equals("INSTANCE_TYPE_UNKNOWN") || u.reason().equals("UNCLASSIFIED")));
        assertTrue(c.rows().stream().anyMatch(r -> r.computeKwh().signum() > 0), "EC2 BoxUsage rows of the planted resources are compute");

        CommitmentRecommendationReport r = TenantContext.runAs(TenantContext.system(T), () -> commitments.report(null, null));
        assertEquals(LocalDate.of(2026, 12, 1), r.asOf(), "the day after the ledger's last day");
        var usd = r.recommendations().stream().filter(i -> i.currency().equals("USD")).findFirst().orElseThrow();
        assertEquals("RECOMMENDED", usd.recommendation().status(), usd.toString());
        assertTrue(usd.currentCoverage().signum() > 0, "the demo's Savings Plan covers part of EC2");
        assertTrue(usd.recommendation().offers().stream().anyMatch(o -> o.best() && o.expectedMonthlySavings().signum() > 0));

        // the findings scan over the planted resources, then the savings report: the unattached gp2 volume has two
        // findings (waste.ebs.unattached, arch.ebs.gp2) and counts once
        String finops = bearer(T, "fo", "finops_admin");
        String scan = given().header("Authorization", finops).contentType(io.restassured.http.ContentType.JSON).body("{}")
                .post("/api/v1/findings/scan?asOf=" + END).then().statusCode(202).extract().path("id");
        String status = "queued";
        for (int i = 0; i < 1200 && (status.equals("queued") || status.equals("running")); i++) {
            Thread.sleep(250);
            status = given().header("Authorization", finops).get("/api/v1/findings/scans/" + scan).then().statusCode(200).extract().path("status");
        }
        assertEquals("succeeded", status);
        dev.outlay.savings.SavingsReport s = TenantContext.runAs(TenantContext.system(T), () -> savings.report("2026-09-01", "2026-12-01"));
        assertFalse(s.opportunity().isEmpty());
        assertTrue(s.overlappingFindings() >= 1, "one resource, several findings: counted once");
        assertTrue(s.commitmentOpportunity().stream().anyMatch(o -> o.currency().equals("USD") && o.excludedResources() > 0),
                "resources a finding deletes or stops are not sized into the commitment too");
        assertTrue(s.commitmentRealized().stream().anyMatch(o -> o.currency().equals("USD") && o.savings().signum() > 0),
                "the demo's Savings Plan saved money on covered EC2");
    }
}
