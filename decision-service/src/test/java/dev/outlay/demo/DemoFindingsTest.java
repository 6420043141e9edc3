/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.demo;

import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.TenantRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scan of the demo data (loaded through the real ingestion and import pipelines) finds every planted opportunity
 * with its detector, and nothing on the confounders planted next to them.
 */
@QuarkusTest
class DemoFindingsTest {

    static final String T = "demo-findings";
    static final LocalDate END = LocalDate.of(2026, 11, 30);

    @Inject
    DemoInventorySeeder seeder;

    @Inject
    TenantRegistry tenants;

    @Test
    void theDemoScanFindsEveryPlantedOpportunityAndNoConfounder() throws InterruptedException {
        tenants.ensure(T, T, false);
        TenantContext.runAs(TenantContext.system(T), () -> seeder.seedNow(END, 60));
        String finops = bearer(T, "fo", "finops_admin");
        // Polled rather than wait=true: on a loaded box compiling both rule sets can outlast the HTTP test timeout.
        String scan = given().header("Authorization", finops).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/findings/scan?asOf=" + END).then().statusCode(202).extract().path("id");
        String status = "queued";
        for (int i = 0; i < 1200 && (status.equals("queued") || status.equals("running")); i++) {
            Thread.sleep(250);
            status = given().header("Authorization", finops).get("/api/v1/findings/scans/" + scan).then().statusCode(200)
                    .extract().path("status");
        }
        assertEquals("succeeded", status);
        List<Map<String, Object>> all = given().header("Authorization", finops).get("/api/v1/findings").then()
                .statusCode(200).extract().jsonPath().getList("$");
        Map<String, Set<String>> found = new TreeMap<>();
        all.forEach(f -> found.computeIfAbsent((String) f.get("resourceId"), k -> new TreeSet<>()).add((String) f.get("detector")));

        Map<String, Set<String>> planted = new TreeMap<>();
        planted.put(DemoWaste.IDLE_EC2, Set.of("waste.compute.idle"));
        planted.put(DemoWaste.OVERSIZED_EC2, Set.of("waste.compute.overprovisioned"));
        planted.put(DemoWaste.STOPPED_VOLUME, Set.of("waste.instance.stopped-storage"));
        planted.put(DemoWaste.PREVGEN_EC2, Set.of("arch.compute.prevgen"));
        planted.put(DemoWaste.CHATTY_EC2, Set.of("arch.net.interaz"));
        planted.put(DemoWaste.UNATTACHED_GP2, Set.of("waste.ebs.unattached", "arch.ebs.gp2"));
        planted.put(DemoWaste.ATTACHED_GP2, Set.of("arch.ebs.gp2"));
        planted.put(DemoWaste.ORPHAN_SNAPSHOT, Set.of("waste.snapshot.orphan"));
        planted.put(DemoWaste.IDLE_EIP, Set.of("waste.eip.idle"));
        planted.put(DemoWaste.IDLE_LB, Set.of("waste.lb.idle"));
        planted.put(DemoWaste.NAT, Set.of("arch.net.nat-heavy"));
        planted.put(DemoWaste.MULTI_AZ_DEV_DB, Set.of("arch.rds.multiaz-nonprod", "arch.nonprod.always-on"));
        planted.put(DemoWaste.CHECKOUT_STAGING_WEB, Set.of("arch.nonprod.prod-shaped"));
        planted.put(DemoWaste.CHECKOUT_STAGING_DB, Set.of("arch.nonprod.prod-shaped"));
        planted.put(DemoWaste.CHECKOUT_QA_WEB, Set.of("arch.nonprod.always-on"));
        planted.put(DemoWaste.CHECKOUT_QA_WORKER, Set.of("arch.nonprod.always-on"));
        planted.put(DemoWaste.SAAS_GITHUB, Set.of("waste.saas.unused-seats"));
        planted.forEach((id, detectors) -> assertEquals(detectors, found.getOrDefault(id, Set.of()), id + " in " + found));

        for (String confounder : List.of(DemoWaste.DR_STANDBY, DemoWaste.BATCH_HOST, DemoWaste.YOUNG_VOLUME,
                DemoWaste.CHECKOUT_PROD_WEB, DemoWaste.CHECKOUT_PROD_DB, DemoWaste.CHECKOUT_DEV_WEB, DemoWaste.CHECKOUT_DEV_DB,
                DemoWaste.SAAS_SLACK)) {
            assertTrue(!found.containsKey(confounder), confounder + " is a confounder: " + found.get(confounder));
        }
        // m4.2xlarge at 0.40/h (292.20 a month) → m5.2xlarge at 0.384/h in the price list: 0.04 of it
        Map<String, Object> prevGen = all.stream().filter(f -> DemoWaste.PREVGEN_EC2.equals(f.get("resourceId"))).findFirst().orElseThrow();
        assertEquals(0, new java.math.BigDecimal("11.69").compareTo(new java.math.BigDecimal(
                ((List<Map<String, Object>>) prevGen.get("savings")).get(0).get("expected").toString())), prevGen.toString());
        // 60 seats x 0.70 a day (1,278.375 a month), 26 of 60 unused: 553.96 a month
        Map<String, Object> seats = all.stream().filter(f -> DemoWaste.SAAS_GITHUB.equals(f.get("resourceId"))).findFirst().orElseThrow();
        assertEquals(0, new java.math.BigDecimal("553.96").compareTo(new java.math.BigDecimal(
                ((List<Map<String, Object>>) seats.get("savings")).get(0).get("expected").toString())), seats.toString());
        assertEquals("platform", seats.get("owner"), seats.toString());
        Map<String, Object> staging = all.stream().filter(f -> DemoWaste.CHECKOUT_STAGING_WEB.equals(f.get("resourceId")))
                .findFirst().orElseThrow();
        List<Map<String, Object>> savings = (List<Map<String, Object>>) staging.get("savings");
        // 0.192 x 24 a day, 30.4375 days a month, off-hours share 1 - 60/168; high: the environment removed
        assertEquals(0, new java.math.BigDecimal("90.16").compareTo(new java.math.BigDecimal(savings.get(0).get("expected").toString())),
                savings.toString());
        assertEquals(0, new java.math.BigDecimal("140.26").compareTo(new java.math.BigDecimal(savings.get(0).get("high").toString())),
                savings.toString());
    }
}
