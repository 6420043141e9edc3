/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ledger;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static dev.outlay.ledger.LedgerTestSupport.awaitDone;
import static dev.outlay.ledger.LedgerTestSupport.fixture;
import static dev.outlay.ledger.LedgerTestSupport.upload;
import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class CostsAndHealthTest {

    @Test
    void costsGroupedWithTotalsAndDataQuality() {
        String t = "ledger-costs";
        awaitDone(t, upload(t, "aws-cur", "cur2.csv", fixture("aws/cur2-every-line-item-type.csv"), null)).body("status", equalTo("succeeded"));
        String auth = bearer(t, "lead", "leadership");
        given().header("Authorization", auth)
                .when().get("/api/v1/costs?from=2024-10-01&to=2024-11-01&groupBy=chargeCategory&metric=billedCost")
                .then().statusCode(200)
                .body("totals", hasSize(1))
                .body("totals[0].currency", equalTo("USD"))
                .body("totals[0].amount", equalTo(1522.9840789014f))
                .body("rows.find { it.dimensions.chargeCategory == 'Tax' }.amount", equalTo(12.3456789012f))
                .body("dataQuality.rows", equalTo(18))
                .body("dataQuality.unmappedRows", equalTo(1))
                .body("dataQuality.completeness.days", equalTo(31))
                .body("dataQuality.freshness[0].source", equalTo("aws-cur"));
        // Grouping by a tag reads the ledger; keys are matched exactly (spelling variants are the allocation rules' job).
        given().header("Authorization", auth)
                .when().get("/api/v1/costs?from=2024-10-01&to=2024-12-01&groupBy=tag:user_team&metric=effectiveCost")
                .then().statusCode(200)
                .body("rows.find { it.dimensions['tag:user_team'] == 'payments' }.amount", equalTo(0.224f));
        given().header("Authorization", auth).when().get("/api/v1/costs?from=2024-10-01&to=2024-11-01&groupBy=color")
                .then().statusCode(400).contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("groupBy"));
        given().header("Authorization", auth).when().get("/api/v1/costs?from=2024-10-01&to=2024-11-01&metric=blendedCost")
                .then().statusCode(400).body("errors[0].field", equalTo("metric"));
        given().header("Authorization", bearer(t, "nobody")).when().get("/api/v1/costs?from=2024-10-01&to=2024-11-01").then().statusCode(403);
    }

    @Test
    void sourceHealthReportsRecencyAndBreach() {
        String t = "ledger-health";
        awaitDone(t, upload(t, "focus", "f.csv", fixture("focus/focus-1.2-every-charge-kind.csv"), null)).body("status", equalTo("succeeded"));
        given().header("Authorization", bearer(t, "p", "platform")).when().get("/api/v1/sources/health")
                .then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].source", equalTo("focus"))
                .body("[0].lastStatus", equalTo("succeeded"))
                .body("[0].breached", equalTo(false))
                .body("[0].latestDataDay", equalTo("2024-10-03"));
    }
}
