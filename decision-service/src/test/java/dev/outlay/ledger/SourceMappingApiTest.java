/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ledger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static dev.outlay.ledger.LedgerTestSupport.assertMoney;
import static dev.outlay.ledger.LedgerTestSupport.awaitDone;
import static dev.outlay.ledger.LedgerTestSupport.fixture;
import static dev.outlay.ledger.LedgerTestSupport.scalar;
import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/** A vendor's invoice mapping is stored once per source and used by every upload of that source that sends none. */
@QuarkusTest
class SourceMappingApiTest {

    static final String T = "ledger-mapping";

    static String yaml() {
        return new String(fixture("invoice/saas-mapping.yaml"), StandardCharsets.UTF_8);
    }

    @Inject
    AgroalDataSource ds;

    @Test
    void aStoredMappingIsUsedByUploadsThatSendNone() {
        String admin = bearer(T, "finops", "finops_admin");
        given().header("Authorization", admin).contentType("application/yaml").body((yaml()).getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/sources/acme-saas/mapping").then().statusCode(200)
                .body("source", equalTo("acme-saas")).body("kind", equalTo("invoice-csv")).body("version", equalTo("2"))
                .body("updatedBy", equalTo("finops"));
        given().header("Authorization", bearer(T, "cfo", "finance")).get("/api/v1/sources/acme-saas/mapping")
                .then().statusCode(200).body("mapping", equalTo(yaml()));

        String id = given().header("Authorization", admin).multiPart("source", "invoice-csv").multiPart("connection", "acme-saas")
                .multiPart("file", "saas.csv", fixture("invoice/saas-invoice.csv"), "text/csv")
                .post("/api/v1/ingestions").then().statusCode(202).extract().path("id");
        awaitDone(T, id).body("status", equalTo("succeeded")).body("schemaVersion", equalTo("invoice-csv/2"));
        assertMoney("1962.8733", scalar(ds, T, "SELECT sum(billed_cost) FROM outlay.ledger_charge WHERE source = 'acme-saas'"));

        // An invalid replacement is refused, names the field, and leaves the stored mapping as it was.
        given().header("Authorization", admin).contentType("application/yaml").body((yaml().replace("currency: USD", "currency: usd")).getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/sources/acme-saas/mapping").then().statusCode(422).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("currency"));
        given().header("Authorization", admin).contentType("application/yaml").body(("provider: x\ncolumns:\n  billedCost: a\n chargePeriodStart: d\n").getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/sources/acme-saas/mapping").then().statusCode(422)
                .body("errors[0].field", equalTo("mapping")).body("errors[0].message", containsString("line 4"));
        given().header("Authorization", admin).contentType("text/plain").body(yaml())
                .put("/api/v1/sources/acme-saas/mapping").then().statusCode(415);
        given().header("Authorization", admin).get("/api/v1/sources/acme-saas/mapping").then().statusCode(200)
                .body("mapping", equalTo(yaml()));
        given().header("Authorization", admin).get("/api/v1/sources/mappings").then().statusCode(200)
                .body("", hasSize(1)).body("[0].source", equalTo("acme-saas"));

        // An upload's own mapping still wins over the stored one (a corrected invoice, so not a duplicate).
        String json = new String(fixture("invoice/saas-mapping.json"), StandardCharsets.UTF_8).replace("\"version\": \"2\"", "\"version\": \"3\"");
        byte[] corrected = new String(fixture("invoice/saas-invoice.csv"), StandardCharsets.UTF_8).replace("Overage: 12 GB logs", "Overage: 12 GB of logs")
                .getBytes(StandardCharsets.UTF_8);
        String again = given().header("Authorization", admin).multiPart("source", "invoice-csv").multiPart("connection", "acme-saas")
                .multiPart("file", "saas.csv", corrected, "text/csv").multiPart("mapping", json)
                .post("/api/v1/ingestions").then().statusCode(202).extract().path("id");
        awaitDone(T, again).body("status", equalTo("succeeded")).body("schemaVersion", equalTo("invoice-csv/3"));
        assertMoney("1962.8733", scalar(ds, T, "SELECT sum(billed_cost) FROM outlay.ledger_charge WHERE source = 'acme-saas'"));

        // Every change is audited.
        given().header("Authorization", bearer(T, "aud", "auditor")).get("/api/v1/audit?action=source-mapping.put").then().statusCode(200)
                .body("", hasSize(1)); // refused changes are not recorded

        given().header("Authorization", bearer(T, "dev", "engineering")).delete("/api/v1/sources/acme-saas/mapping").then().statusCode(403);
        given().header("Authorization", admin).delete("/api/v1/sources/acme-saas/mapping").then().statusCode(204);
        given().header("Authorization", admin).get("/api/v1/sources/acme-saas/mapping").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void anotherTenantSeesNoneOfTheMappings() {
        given().header("Authorization", bearer("ledger-mapping-a", "f", "finops_admin")).contentType("application/json")
                .body(new String(fixture("invoice/saas-mapping.json"), StandardCharsets.UTF_8))
                .put("/api/v1/sources/vendor-x/mapping").then().statusCode(200);
        String b = bearer("ledger-mapping-b", "f", "finops_admin");
        given().header("Authorization", b).get("/api/v1/sources/vendor-x/mapping").then().statusCode(404);
        given().header("Authorization", b).get("/api/v1/sources/mappings").then().statusCode(200).body("", hasSize(0));
        given().header("Authorization", b).delete("/api/v1/sources/vendor-x/mapping").then().statusCode(404);
        given().header("Authorization", b).contentType("application/json").body("{}")
                .put("/api/v1/sources/bad%20name/mapping").then().statusCode(400).body("errors[0].field", equalTo("source"));
    }
}
