/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.contracts;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/** The contract price table through the API: versions, CSV refusals that store nothing, audit and tenant isolation. */
@QuarkusTest
class ContractPricesApiTest {

    static final String T = "contract-prices";

    static String finance() {
        return bearer(T, "cp-finance", "finance");
    }

    @Test
    void putVersionsListAndHistory() {
        String e3 = "[{\"vendor\":\"microsoft-365\",\"sku\":\"ENTERPRISEPACK\",\"unitPrice\":\"36.00\",\"currency\":\"USD\","
                + "\"term\":\"month\",\"validFrom\":\"2025-01-01\"}]";
        given().header("Authorization", finance()).contentType(ContentType.JSON).body(e3)
                .put("/api/v1/contract-prices").then().statusCode(200)
                .body("stored", hasSize(1)).body("stored[0].version", equalTo(1)).body("stored[0].pricingUnit", equalTo("License"));
        // the same content again is no new version
        given().header("Authorization", finance()).contentType(ContentType.JSON).body(e3)
                .put("/api/v1/contract-prices").then().statusCode(200).body("stored", hasSize(0)).body("unchanged", equalTo(1));
        // a changed price is version 2 of the same key; the list shows it, the history both
        given().header("Authorization", finance()).contentType(ContentType.JSON).body(e3.replace("36.00", "39.00"))
                .put("/api/v1/contract-prices").then().statusCode(200).body("stored[0].version", equalTo(2));
        given().header("Authorization", bearer(T, "cp-eng", "engineering")).get("/api/v1/contract-prices").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].unitPrice", equalTo(39.00f)).body("[0].version", equalTo(2));
        given().header("Authorization", finance()).get("/api/v1/contract-prices/history").then().statusCode(200)
                .body("version", equalTo(java.util.List.of(1, 2)));
        given().header("Authorization", bearer(T, "cp-audit", "auditor")).get("/api/v1/audit?action=contract_price.put").then()
                .statusCode(200).body("actor", hasItem("cp-finance"));

        // another tenant sees nothing of these prices
        given().header("Authorization", bearer("contract-prices-other", "cp-other", "finance")).get("/api/v1/contract-prices/history")
                .then().statusCode(200).body("$", hasSize(0));
        // an engineer may read, not put
        given().header("Authorization", bearer(T, "cp-eng", "engineering")).contentType(ContentType.JSON).body(e3)
                .put("/api/v1/contract-prices").then().statusCode(403);
    }

    @Test
    void csvUploadAndRefusalsStoreNothing() throws Exception {
        String tenant = "contract-prices-csv";
        String token = bearer(tenant, "cp-csv", "finops_admin");
        given().header("Authorization", token).contentType("text/csv").body(ContractPriceCsvTest.fixture("bad-cells.csv"))
                .put("/api/v1/contract-prices").then().statusCode(422).contentType(startsWith("application/problem+json"))
                .body("errors[0].line", equalTo(2)).body("errors[0].column", equalTo(3));
        // one good line after bad ones does not slip in: the JSON list is all or nothing too
        given().header("Authorization", token).contentType(ContentType.JSON)
                .body("[{\"vendor\":\"salesforce\",\"sku\":\"Salesforce\",\"unitPrice\":\"165\",\"currency\":\"USD\",\"term\":\"month\",\"validFrom\":\"2025-01-01\"},"
                        + "{\"vendor\":\"salesforce\",\"sku\":\"Platform\",\"unitPrice\":\"25\",\"currency\":\"XXY\",\"term\":\"month\",\"validFrom\":\"2025-01-01\"}]")
                .put("/api/v1/contract-prices").then().statusCode(422).body("errors[0].field", equalTo("[1].currency"));
        given().header("Authorization", token).get("/api/v1/contract-prices/history").then().statusCode(200).body("$", hasSize(0));

        given().header("Authorization", token).contentType("text/csv").body(ContractPriceCsvTest.fixture("valid-bom-crlf.csv").getBytes("UTF-8"))
                .put("/api/v1/contract-prices").then().statusCode(200).body("stored", hasSize(3));
        given().header("Authorization", token).get("/api/v1/contract-prices").then().statusCode(200)
                .body("sku", equalTo(java.util.List.of("ENTERPRISEPACK", "POWER_BI_PRO", "Salesforce")));
    }
}
