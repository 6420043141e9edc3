/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.demo;

import dev.outlay.economics.EconomicsRepository;
import dev.outlay.stripe.StripePollResult;
import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.TenantRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo's Cloud+ sources: its Microsoft 365 and Stripe connections, served by the labelled local stub, load
 * through the real connectors into /costs beside the other spend (seats per department, Stripe's fees), Stripe's
 * revenue becomes metric values, a second poll is a duplicate, and the stub's idle seats reach the inventory.
 */
@QuarkusTest
class DemoCloudPlusTest {

    static final String T = "demo-cloudplus";

    @Inject
    DemoCloudPlusSeeder seeder;

    @Inject
    TenantRegistry tenants;

    @Inject
    EconomicsRepository economics;

    @Inject
    dev.outlay.stripe.StripeConnections stripe;

    @Test
    void microsoft365AndStripeFromTheStubShowInCosts() {
        tenants.ensure(T, T, false);
        DemoCloudPlusSeeder.Seeded s = TenantContext.runAs(TenantContext.system(T), () -> seeder.seedNow());
        assertEquals("succeeded", s.m365().status(), s.m365().toString());
        assertEquals(0, new BigDecimal("830.00").compareTo(s.m365().totals().get(0).amount()), "30 E3 × 23.00 + 10 Power BI × 168.00 / 12");
        StripePollResult lastMonth = s.stripe().get(0);
        assertEquals("succeeded", lastMonth.status(), lastMonth.toString());
        assertTrue(lastMonth.fees().get(0).amount().signum() > 0 && lastMonth.orders() > 0, lastMonth.toString());

        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        JsonPath c = JsonPath.from(given().header("Authorization", bearer(T, "fin", "finance"))
                .get("/api/v1/costs?from=" + now.minusMonths(1).atDay(1) + "&to=" + now.plusMonths(1).atDay(1) + "&groupBy=provider")
                .then().statusCode(200).extract().asString()).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        Map<String, BigDecimal> byProvider = new HashMap<>();
        for (Map<String, Object> r : c.<Map<String, Object>>getList("rows")) {
            byProvider.merge(String.valueOf(((Map<?, ?>) r.get("dimensions")).get("provider")), new BigDecimal(r.get("amount").toString()), BigDecimal::add);
        }
        assertEquals(0, new BigDecimal("830.00").compareTo(byProvider.get("Microsoft")), byProvider.toString());
        BigDecimal stripeFees = s.stripe().stream().flatMap(p -> p.fees().stream()).map(StripePollResult.Amount::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, stripeFees.compareTo(byProvider.get("Stripe")), byProvider.toString());

        TenantContext.runAs(TenantContext.system(T), () -> {
            var usd = economics.values("stripe-revenue-usd", "", now.minusMonths(1).atDay(1), now.atDay(1));
            assertEquals(now.minusMonths(1).lengthOfMonth(), usd.size());
            assertEquals(0, lastMonth.revenue().get(0).amount().compareTo(usd.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)),
                    "the month's values add up to its net revenue");
        });
        List<?> items = given().header("Authorization", bearer(T, "fin", "finance")).get("/api/v1/inventory?kind=saas-subscription")
                .then().statusCode(200).extract().path("$");
        assertFalse(items.isEmpty(), "the stub's seats feed the unused-seat findings");
        assertEquals("duplicate", TenantContext.runAs(TenantContext.system(T), () -> stripe.pollNow(s.stripeConnection().id(), now.minusMonths(1), false)).status());
    }
}
