/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.allocation;

import dev.outlay.connectors.opencost.OpenCostAllocation;
import dev.outlay.connectors.opencost.OpenCostChargeFile;
import dev.outlay.connectors.saas.SeatAccount;
import dev.outlay.connectors.saas.SeatChargeFile;
import dev.outlay.connectors.saas.SeatPrice;
import dev.outlay.connectors.saas.SeatSubscription;
import dev.outlay.connectors.stripe.StripeChargeFile;
import dev.outlay.connectors.stripe.StripeTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Cloud+ spend allocated by the bundled rules like cloud spend: Microsoft 365 seats to their users' departments (idle
 * and department-less seats to the purchase owner), Kubernetes namespace costs to their team label, Stripe's fees to
 * the unallocated pool; every cent of the month accounted for.
 */
@QuarkusTest
class CloudPlusAllocationTest {

    static final String T = "cloudplus-alloc-" + ProcessHandle.current().pid();
    static final YearMonth MONTH = YearMonth.of(2026, 11);

    static void load(String name, byte[] csv) {
        String admin = bearer(T, "cp-admin", "finops_admin");
        String id = given().header("Authorization", admin).multiPart("source", "focus").multiPart("connection", name)
                .multiPart("file", name + ".csv", csv, "text/csv").post("/api/v1/ingestions").then().statusCode(202).extract().path("id");
        String status = "queued";
        for (int i = 0; i < 600 && (status.equals("queued") || status.equals("running")); i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            status = given().header("Authorization", admin).get("/api/v1/ingestions/" + id).then().extract().path("status");
        }
        assertEquals("succeeded", status, name);
    }

    @Test
    void seatsGoToDepartmentsAndNamespacesToTeams() {
        // 25 E3 seats at 36.00 a month: Sales 12, Engineering 7, 2 assigned without a department, 4 unassigned.
        load("m365", SeatChargeFile.write(new SeatAccount("m365", "Microsoft", "contoso.example", "Contoso", "Microsoft 365"), MONTH,
                List.of(new SeatSubscription("SPE_E3", "05e9a617-0261-4cee-bb44-138d3ef5d965", "Microsoft 365 E3", 25, 21, 18L,
                        new TreeMap<>(Map.of("Sales", 12L, "Engineering", 7L)))),
                sku -> Optional.of(new SeatPrice(new BigDecimal("36.00"), "USD", "month", "Seats", "E3-monthly"))).csv());
        // One namespace of team payments (4.125 + 1.5 + 0.25 = 5.875) and the cluster's idle cost (2.0).
        load("opencost", OpenCostChargeFile.write("123456789012", "prod-eu", "USD", MONTH, List.of(
                new OpenCostAllocation(LocalDate.of(2026, 11, 2), "checkout/deployment/api", "checkout", "deployment", "api",
                        Map.of("team", "payments"), Map.of("cpuCost", new BigDecimal("4.125"), "ramCost", new BigDecimal("1.5"),
                                "pvCost", new BigDecimal("0.25"))),
                new OpenCostAllocation(LocalDate.of(2026, 11, 2), "__idle__", "__idle__", null, null, Map.of(),
                        Map.of("cpuCost", new BigDecimal("2.0"))))).csv());
        // Stripe: 3.98 of fees on a card charge, and a 15.00 Billing fee to the account.
        StripeChargeFile.Result stripe = StripeChargeFile.write("acct_1CloudPlus", "Acme payments", MONTH, List.of(
                new StripeTransaction("txn_cp_1", "charge", Instant.parse("2026-11-03T10:15:00Z"), "usd", 12000, 398,
                        List.of(new StripeTransaction.Fee("stripe_fee", 378, "usd", "Stripe processing fees"),
                                new StripeTransaction.Fee("tax", 20, "usd", "Tax on fees")), "Order 1001"),
                new StripeTransaction("txn_cp_2", "stripe_fee", Instant.parse("2026-11-30T23:00:00Z"), "usd", -1500, 0, List.of(),
                        "Billing - Usage Fee (2026-11)")));
        load("stripe", stripe.csv());

        String run = given().header("Authorization", bearer(T, "cp-admin", "finops_admin")).contentType(ContentType.JSON)
                .body(Map.of("billingPeriod", MONTH.toString())).post("/api/v1/allocations/runs?wait=true").then().statusCode(201)
                .body("status", equalTo("succeeded")).extract().path("id");
        JsonPath costs = JsonPath.from(given().header("Authorization", bearer(T, "cp-fin", "finance"))
                .get("/api/v1/costs?from=" + MONTH.atDay(1) + "&to=" + MONTH.plusMonths(1).atDay(1) + "&groupBy=team").then().statusCode(200)
                .extract().asString()).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        Map<String, BigDecimal> byTeam = new HashMap<>();
        for (Map<String, Object> r : costs.<Map<String, Object>>getList("rows")) {
            byTeam.merge(String.valueOf(((Map<?, ?>) r.get("dimensions")).get("team")), new BigDecimal(r.get("amount").toString()), BigDecimal::add);
        }
        assertEquals(0, new BigDecimal("432.00").compareTo(byTeam.get("sales")), byTeam + " (run " + run + ")");
        assertEquals(0, new BigDecimal("252.00").compareTo(byTeam.get("engineering")), byTeam.toString());
        assertEquals(0, new BigDecimal("5.875").compareTo(byTeam.get("payments")), byTeam.toString());
        // Every cent: seats 900.00 + namespaces 7.875 (the allocation view nets to zero against the cluster line,
        // so the month's ledger total is what the owners add up to) + Stripe's fees.
        BigDecimal total = costs.<Map<String, Object>>getList("totals").stream().map(t -> new BigDecimal(t.get("amount").toString()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, total.compareTo(byTeam.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)), byTeam.toString());
    }
}
