/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.carbon;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Azure's and Google's own carbon figures imported and compared with Outlay's estimate of the same ledger rows. */
@QuarkusTest
class CarbonDivergenceCloudsTest {

    static final String T = "carbon-clouds-" + ProcessHandle.current().pid();

    static void eq(String expected, Object actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(actual.toString())), () -> "expected " + expected + ", got " + actual);
    }

    @Test
    void azureAndGoogleExportsAreComparedByService() throws Exception {
        String fo = bearer(T, "cc-fo", "finops_admin");
        byte[] csv;
        try (InputStream in = CarbonDivergenceCloudsTest.class.getResourceAsStream("/carbon/carbon-clouds-focus.csv")) {
            csv = in.readAllBytes();
        }
        String id = given().header("Authorization", fo).multiPart("source", "focus").multiPart("connection", "carbon-clouds")
                .multiPart("file", "carbon-clouds-focus.csv", csv, "text/csv").post("/api/v1/ingestions").then().statusCode(202)
                .extract().path("id");
        String status = "queued";
        for (int i = 0; i < 600 && (status.equals("queued") || status.equals("running")); i++) {
            Thread.sleep(100);
            status = given().header("Authorization", fo).get("/api/v1/ingestions/" + id).then().extract().path("status");
        }
        assertEquals("succeeded", status);

        String azure = """
                {"value": [
                  {"dataType": "ItemDetailsData", "itemName": "Storage", "categoryType": "ServiceType", "latestMonthEmissions": 0.1},
                  {"dataType": "ItemDetailsData", "itemName": "Virtual Machines", "categoryType": "ServiceType", "latestMonthEmissions": 2.5}
                ]}""";
        // Azure's answer does not name its month or subscription: both are required, and a refusal stores nothing
        given().header("Authorization", fo).contentType("application/json").body(azure.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/carbon/provider-exports?provider=azure&account=sub-1").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("month"));
        given().header("Authorization", fo).contentType("application/json")
                .body(azure.replace("\"ServiceType\", \"latestMonthEmissions\": 2.5", "\"Location\", \"latestMonthEmissions\": 2.5")
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/carbon/provider-exports?provider=azure&month=2024-11&account=sub-1").then().statusCode(422)
                .body("errors[0].line", equalTo(2)).body("errors[0].field", equalTo("categoryType"));
        given().header("Authorization", fo).get("/api/v1/carbon/provider-exports").then().statusCode(200).body("size()", equalTo(0));
        given().header("Authorization", fo).contentType("application/json").body(azure.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/carbon/provider-exports?provider=azure&month=2024-11&account=sub-1").then().statusCode(201)
                .body("rows", equalTo(2)).body("months", equalTo(List.of("2024-11")));

        // Outlay: Azure blob LRS 100 GB-month in November, westeurope = 0.054637 kg (docs/carbon.md's worked example)
        JsonPath a = JsonPath.from(given().header("Authorization", fo).get("/api/v1/carbon/divergence?provider=azure&from=2024-11&to=2024-12")
                .then().statusCode(200).extract().asString()).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        List<Map<String, Object>> rows = a.getList("rows");
        assertEquals(2, rows.size(), a.prettify());
        assertEquals("Storage", rows.get(0).get("service"));
        eq("0.1", rows.get(0).get("providerLbmKg"));
        eq("0.054637", rows.get(0).get("outlayKg"));
        eq("0.5464", rows.get(0).get("ratio"));
        assertEquals("WITHIN", rows.get(0).get("status"));
        assertEquals("Virtual Machines", rows.get(1).get("service"));
        assertEquals("PROVIDER_ONLY", rows.get(1).get("status"));

        String gcp = """
                {"usage_month":"2024-11-01","billing_account_id":"01A2B3-C4D5E6-F7A8B9","project":{"id":"shop-prod","number":"802583874831"},\
                "service":{"id":"6F81-5844-456A","description":"Compute Engine"},"location":{"location":"us-central1-a","region":"us-central1"},\
                "carbon_model_version":"12","carbon_footprint_kgCO2e":{"scope1":0.1,"scope2":{"location_based":4.2,"market_based":1.0},"scope3":0.7},\
                "carbon_footprint_total_kgCO2e":{"location_based":5.0,"market_based":1.8,"after_offsets":null}}
                """;
        given().header("Authorization", fo).contentType("application/x-ndjson").body(gcp.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/carbon/provider-exports?provider=gcp&fileName=2024-11.ndjson").then().statusCode(201).body("rows", equalTo(1));
        // The bundled factor sets carry no GCP coefficients (its PUE is per region): Google's figure stands alone,
        // named PROVIDER_ONLY, never compared with a zero.
        JsonPath g = JsonPath.from(given().header("Authorization", bearer(T, "cc-lead", "leadership"))
                .get("/api/v1/carbon/divergence?provider=gcp&from=2024-11&to=2024-12").then().statusCode(200).extract().asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        assertEquals(List.of("12"), g.getList("providerModelVersions"));
        assertEquals("Compute Engine", g.getString("rows[0].service"));
        eq("5", g.get("rows[0].providerLbmKg"));
        eq("1.8", g.get("rows[0].providerMbmKg"));
        assertEquals("PROVIDER_ONLY", g.getString("rows[0].status"));

        // another tenant sees none of it
        given().header("Authorization", bearer("carbon-clouds-other", "x", "finops_admin")).get("/api/v1/carbon/provider-exports")
                .then().statusCode(200).body("size()", equalTo(0));
    }
}
