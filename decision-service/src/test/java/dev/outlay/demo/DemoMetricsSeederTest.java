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
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** The demo's metric and KPI go through the same service as the API, and seeding again changes nothing. */
@QuarkusTest
class DemoMetricsSeederTest {

    @Inject
    DemoMetricsSeeder seeder;

    @Test
    void seedsTheRequestsMetricAndTheKpiIdempotently() {
        String t = "demo-metrics";
        given().header("Authorization", bearer(t, "dm-fa", "finops_admin")).get("/api/v1/me").then().statusCode(200);
        TenantContext.runAs(TenantContext.system(t), () -> seeder.seed());
        TenantContext.runAs(TenantContext.system(t), () -> seeder.seed());
        var auth = bearer(t, "dm-lead", "leadership");
        given().header("Authorization", auth).get("/api/v1/metrics/requests").then().statusCode(200)
                .body("scope", equalTo("product"));
        given().header("Authorization", auth).get("/api/v1/kpis/cost-per-request").then().statusCode(200)
                .body("numeratorValue", equalTo("recommendations")).body("metric", equalTo("requests"));
        given().header("Authorization", bearer("demo-metrics-other", "x", "leadership")).get("/api/v1/kpis/cost-per-request")
                .then().statusCode(404);
    }
}
