/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.reconciliation;

import dev.outlay.connectors.saas.SeatAccount;
import dev.outlay.connectors.saas.SeatChargeFile;
import dev.outlay.connectors.saas.SeatPrice;
import dev.outlay.connectors.saas.SeatSubscription;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static dev.outlay.reconciliation.ReconciliationApiTest.decimals;
import static dev.outlay.reconciliation.ReconciliationApiTest.uploadInvoice;
import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * SaaS licence spend reconciled like cloud spend: the seat rows the Microsoft 365 connection wrote against
 * Microsoft's invoice summary for the month, to the cent once final; a seat more on the invoice is a breach that
 * names the service.
 */
@QuarkusTest
class CloudPlusReconciliationTest {

    static final String T = "cloudplus-recon-" + ProcessHandle.current().pid();
    static final YearMonth MONTH = YearMonth.of(2026, 10);
    static final String INVOICE = "invoice_id,billing_account_id,billing_period,service,amount,currency\n"
            + "G0123456789,contoso.example,2026-10,Microsoft 365,%s,USD\n";

    static JsonPath run(String state) {
        String fo = bearer(T, "fo", "finops_admin");
        return decimals(given().header("Authorization", fo).contentType(ContentType.JSON)
                .body(Map.of("period", MONTH.toString(), "periodState", state)).post("/api/v1/reconciliations?wait=true")
                .then().statusCode(200).extract().asString());
    }

    static Map<String, Object> invoiceCheck(JsonPath run) {
        List<Map<String, Object>> checks = run.getList("result.checks");
        List<Map<String, Object>> found = checks.stream().filter(k -> "ledger-vs-invoice".equals(k.get("kind"))).toList();
        assertEquals(1, found.size(), run.prettify());
        return found.get(0);
    }

    @Test
    void seatRowsAgainstTheVendorsInvoice() throws Exception {
        // 25 E3 seats at 36.00: 900.00 for October, in four rows (two departments, department-less, unassigned).
        byte[] csv = SeatChargeFile.write(new SeatAccount("m365", "Microsoft", "contoso.example", "Contoso", "Microsoft 365"), MONTH,
                List.of(new SeatSubscription("SPE_E3", "05e9a617-0261-4cee-bb44-138d3ef5d965", "Microsoft 365 E3", 25, 21, 18L,
                        new TreeMap<>(Map.of("Sales", 12L, "Engineering", 7L)))),
                sku -> Optional.of(new SeatPrice(new BigDecimal("36.00"), "USD", "month", "Seats", "E3-monthly"))).csv();
        ReconciliationApiTest.ingest(T, "focus", "m365", new String(csv, java.nio.charset.StandardCharsets.UTF_8));

        uploadInvoice(T, "microsoft-2026-10.csv", INVOICE.formatted("900.00")).statusCode(201);
        JsonPath matched = run("FINAL");
        assertEquals("passed", matched.getString("status"), matched.prettify());
        Map<String, Object> check = invoiceCheck(matched);
        assertEquals("contoso.example", check.get("billingAccountId"));
        assertEquals(0, BigDecimal.ZERO.compareTo(new BigDecimal(check.get("difference").toString())), check.toString());

        // Microsoft bills 26 seats: one more than the connection read. Final, to the cent: a breach on Microsoft 365.
        uploadInvoice(T, "microsoft-2026-10-rebilled.csv", INVOICE.formatted("936.00")).statusCode(201);
        JsonPath breached = run("FINAL");
        assertEquals("breached", breached.getString("status"), breached.prettify());
        Map<String, Object> b = invoiceCheck(breached);
        assertEquals(0, new BigDecimal("36.00").compareTo(new BigDecimal(b.get("difference").toString())), b.toString());
        assertEquals("Microsoft 365", ((Map<?, ?>) ((List<?>) b.get("impactedServices")).get(0)).get("service"), b.toString());
    }
}
