/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.anomalies;

import dev.outlay.anomalies.api.DetectionJob;
import dev.outlay.demo.DemoLedgerSeeder;
import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.TenantRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo data set at the app's size (weekends at ~60 % of compute, tax, credits, fees, injected spikes) through
 * the daily job after allocation: the egress spike is found on both subscriptions with a cause and an owner, the
 * weekday dip raises nothing, and there are a handful of anomalies, not a flood. (The generator's other spike, EC2
 * of team search, falls on a 1st, beside that team's SaaS seat invoices, whose size the generator redraws every
 * month; on the owner's series it does not stand out beyond them, and on each account it is below 50.00.)
 */
@QuarkusTest
class DemoAnomaliesTest {

    static final String T = "anomaly-demo";
    static final LocalDate END = LocalDate.of(2024, 12, 31);
    static final LocalDate EGRESS_SPIKE = LocalDate.of(2024, 12, 17);

    @Inject
    DemoLedgerSeeder seeder;

    @Inject
    TenantRegistry tenants;

    @Inject
    DetectionJob job;

    @Test
    void theDemoLedgerShowsItsSpikeAndNothingForTheWeekendDip() {
        tenants.ensure(T, T, false);
        TenantContext.runAs(TenantContext.system(T),
                () -> seeder.seedNow(END, 90, DemoLedgerSeeder.AWS_RESOURCES, DemoLedgerSeeder.AZURE_RESOURCES));
        for (String period : List.of("2024-10", "2024-11", "2024-12")) {
            given().header("Authorization", bearer(T, "fo", "finops_admin")).contentType(ContentType.JSON)
                    .body(Map.of("billingPeriod", period)).post("/api/v1/allocations/runs?wait=true").then().statusCode(201);
        }
        // The demo bills AWS in USD and Azure in EUR: owner costs come per currency, never as one "mixed" sum.
        List<Map<String, Object>> costs = given().header("Authorization", bearer(T, "fin", "finance"))
                .get("/api/v1/costs?from=2024-12-01&to=2025-01-01&groupBy=team,month").then().statusCode(200)
                .extract().jsonPath().getList("totals");
        assertEquals(List.of("EUR", "USD"), costs.stream().map(t -> t.get("currency")).toList(), costs.toString());
        job.detect(T);
        List<Map<String, Object>> found = given().header("Authorization", bearer(T, "fo", "finops_admin"))
                .get("/api/v1/anomalies").then().statusCode(200).extract().jsonPath().getList("$");

        List<Map<String, Object>> egress = found.stream()
                .filter(a -> EGRESS_SPIKE.toString().equals(a.get("day")) && String.valueOf(a.get("series")).endsWith("svc=Bandwidth"))
                .toList();
        assertEquals(2, egress.size(), "the egress spike on both subscriptions: " + found);
        egress.forEach(a -> {
            assertEquals("usage-spike", a.get("cause"));
            assertNotNull(a.get("owner"));
        });
        assertTrue(found.stream().noneMatch(a -> "decrease".equals(a.get("direction"))
                && LocalDate.parse((String) a.get("day")).getDayOfWeek().getValue() >= DayOfWeek.SATURDAY.getValue()),
                "the weekend dip is seasonality: " + found);
        assertTrue(found.size() <= 10, "a handful, not a flood: " + found);
        assertTrue(found.stream().allMatch(a -> a.get("cause") != null && a.get("severity") != null));
        assertTrue(found.stream().map(a -> String.valueOf(a.get("series"))).filter(k -> k.startsWith("owner="))
                .allMatch(k -> k.matches("owner=.+\\|ccy=(USD|EUR)")), "an owner series is one currency: " + found);
    }
}
