/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.anomalies;

import dev.outlay.connectors.saas.SeatAccount;
import dev.outlay.connectors.saas.SeatChargeFile;
import dev.outlay.connectors.saas.SeatPrice;
import dev.outlay.connectors.saas.SeatSubscription;
import dev.outlay.connectors.stripe.StripeChargeFile;
import dev.outlay.connectors.stripe.StripeTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Cloud+ spend through the same detector as cloud spend: a day of twenty times the usual Stripe fees is an anomaly,
 * while Microsoft 365's monthly seat charge on the first of every month is expected spend, not a monthly alert.
 */
@QuarkusTest
class CloudPlusAnomalyTest {

    static final String T = "cloudplus-anomaly-" + ProcessHandle.current().pid();
    static final LocalDate SPIKE = LocalDate.of(2026, 9, 17);

    static void load(String connection, String file, byte[] csv) throws InterruptedException {
        String fo = bearer(T, "fo", "finops_admin");
        String id = given().header("Authorization", fo).multiPart("source", "focus").multiPart("connection", connection)
                .multiPart("file", file, csv, "text/csv").post("/api/v1/ingestions").then().statusCode(202).extract().path("id");
        String status = "queued";
        for (int i = 0; i < 600 && (status.equals("queued") || status.equals("running")); i++) {
            Thread.sleep(100);
            status = given().header("Authorization", fo).get("/api/v1/ingestions/" + id).then().extract().path("status");
        }
        assertEquals("succeeded", status, file);
    }

    @Test
    void aStripeFeeSpikeIsAnAnomalyAndTheMonthlySeatChargeIsNot() throws Exception {
        for (YearMonth m = YearMonth.of(2026, 7); !m.isAfter(YearMonth.of(2026, 10)); m = m.plusMonths(1)) {
            load("m365", "m365-" + m + ".csv", SeatChargeFile.write(new SeatAccount("m365", "Microsoft", "contoso.example", "Contoso",
                            "Microsoft 365"), m, List.of(new SeatSubscription("SPE_E3", "05e9a617-0261-4cee-bb44-138d3ef5d965",
                            "Microsoft 365 E3", 25, 21, 18L, new TreeMap<>(Map.of("Sales", 12L, "Engineering", 9L)))),
                    sku -> Optional.of(new SeatPrice(new BigDecimal("36.00"), "USD", "month", "Seats", "E3-monthly"))).csv());
            // Card charges of 2,000.00 every day: two a day on weekdays, one at weekends, twenty on the spike day; Stripe's
            // fee 58.30 each (2.9 % + 0.30), so the spike day's fees are 1,166.00 against a usual 116.60.
            List<StripeTransaction> txns = new ArrayList<>();
            int n = 0;
            for (LocalDate d = m.atDay(1); !d.isAfter(m.atEndOfMonth()); d = d.plusDays(1)) {
                int charges = d.equals(SPIKE) ? 20 : d.getDayOfWeek().getValue() >= 6 ? 1 : 2;
                for (int i = 0; i < charges; i++) {
                    txns.add(new StripeTransaction("txn_cpa_" + m + "_" + (n++), "charge", d.atTime(12, i).toInstant(ZoneOffset.UTC), "usd",
                            200000, 5830, List.of(new StripeTransaction.Fee("stripe_fee", 5830, "usd", "Stripe processing fees")), "order"));
                }
            }
            load("stripe", "stripe-" + m + ".csv", StripeChargeFile.write("acct_1CloudPlusA", "Acme payments", m, txns).csv());
        }

        String fo = bearer(T, "fo", "finops_admin");
        List<Map<String, Object>> found = given().header("Authorization", fo).contentType(ContentType.JSON)
                .body(Map.of("from", "2026-09-01", "to", "2026-10-30")).post("/api/v1/anomalies/detect").then().statusCode(200)
                .extract().path("anomalies");
        assertEquals(1, found.size(), "the fee spike only, not the seat charge of 1 October: " + found);
        assertEquals(SPIKE.toString(), found.get(0).get("day"));
        assertEquals("increase", found.get(0).get("direction"));
    }
}
