/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.carbon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The carbon report over a FOCUS file loaded through the real pipeline (fixture {@code carbon/carbon-focus.csv}),
 * under the bundled CCF factor set. Expected figures are worked out by hand in the comments.
 */
@QuarkusTest
class CarbonApiTest {

    /** Per JVM: the test database outlives a run, and a stored factor set is immutable. */
    static final String T = "carbon-a-" + ProcessHandle.current().pid();
    static final String URL = "/api/v1/carbon?from=2024-11-01&to=2024-12-01";
    private static boolean loaded;

    static String finops() {
        return bearer(T, "co2-finops", "finops_admin");
    }

    static JsonPath exact(String json) {
        return JsonPath.from(json).using(new io.restassured.path.json.config.JsonPathConfig(
                io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    /** The bundled set's version: tests pass it explicitly, since another test stores a newer default. */
    static String bundled() {
        return given().header("Authorization", finops()).get("/api/v1/carbon/factor-sets").then().statusCode(200)
                .extract().path("find { it.bundled }.version");
    }

    static synchronized void load() throws Exception {
        if (loaded) return;
        loaded = true;
        byte[] csv;
        try (InputStream in = CarbonApiTest.class.getResourceAsStream("/carbon/carbon-focus.csv")) {
            csv = in.readAllBytes();
        }
        String id = given().header("Authorization", finops()).multiPart("source", "focus").multiPart("connection", "carbon-focus")
                .multiPart("file", "carbon-focus.csv", csv, "text/csv")
                .post("/api/v1/ingestions").then().statusCode(202).extract().path("id");
        String status = "queued";
        for (int i = 0; i < 600 && (status.equals("queued") || status.equals("running")); i++) {
            Thread.sleep(100);
            status = given().header("Authorization", finops()).get("/api/v1/ingestions/" + id).then().extract().path("status");
        }
        assertEquals("succeeded", status);
    }

    @Test
    void reportByTeamUnderTheBundledFactorSet() throws Exception {
        load();
        String url = URL + "&groupBy=team&factorSet=" + bundled();
        String json = given().header("Authorization", bearer(T, "co2-eng", "engineering")).get(url)
                .then().statusCode(200).extract().asString();
        JsonPath p = exact(json);
        assertEquals("ccf-b7a049c7-gpu", p.getString("factorSet.name"));
        assertEquals(true, p.getBoolean("factorSet.bundled"));
        assertEquals("ccf-outlay-2", p.getString("methodVersion"));
        assertEquals(2, p.getList("rows").size(), p.prettify());
        // data: inter-AZ 100 GB × 0.001 × 1.135 = 0.1135 kWh (eu-west-1 278.6 g → 0.0316211 kg)
        //     + Azure blob 100 GB-month × 720 h × 3 (LRS) / 1000 = 216 TB-h × 0.65 / 1000 × 1.185 = 0.166374 kWh
        //       (westeurope 328.4 g → 0.0546372216 kg)  → 0.279874 kWh, 0.0862583216 kg
        assertEquals("data", p.getString("rows[0].group.team"));
        assertEquals(0, d("0.279874").compareTo(p.get("rows[0].kwh")));
        assertEquals(0, d("0.113500").compareTo(p.get("rows[0].networkKwh")));
        assertEquals(0, d("0.166374").compareTo(p.get("rows[0].storageKwh")));
        assertEquals(0, d("0.086258").compareTo(p.get("rows[0].kgCo2e")));
        // web ("team" and "Team: Web " are one owner): m5.large 1460 vCPU-h × 2.455 W / 1000 × 1.135 = 4.0681805 kWh (4.068180, HALF_EVEN)
        //     + gp2 20 GB-month × 720 h × 2 / 1000 × 1.2 / 1000 × 1.135 = 0.0392256 kWh → 4.1074061 kWh;
        //     × 379.069 g / 1000 = 1.5569903229 kg
        assertEquals("web", p.getString("rows[1].group.team"));
        assertEquals(0, d("4.107406").compareTo(p.get("rows[1].kwh")));
        assertEquals(0, d("1.556990").compareTo(p.get("rows[1].kgCo2e")));
        assertEquals(1, p.getInt("rows[1].utilizationDefaultedRows"));
        // unestimated, with their cost: the untagged support fee (no unit), web's CDN egress; tax is not usage
        assertEquals(2, p.getList("unestimated").size(), p.prettify());
        assertNull(p.get("unestimated[0].group.team"));
        assertEquals("UNCLASSIFIED", p.getString("unestimated[0].reason"));
        assertEquals(0, d("10.00").compareTo(p.get("unestimated[0].cost")));
        assertEquals("TRANSFER_OUTSIDE_PROVIDER_NETWORK", p.getString("unestimated[1].reason"));
        assertEquals(0, d("4.25").compareTo(p.get("unestimated[1].cost")));
        assertEquals(4, p.getLong("estimatedRows"));
        assertEquals(2, p.getLong("unestimatedRows"));
        // same request, same bytes
        assertEquals(json, given().header("Authorization", finops()).get(url).then().extract().asString());

        String csv = given().header("Authorization", finops()).get(url + "&format=csv").then().statusCode(200)
                .contentType("text/csv").extract().asString();
        String v = p.getString("factorSet.version");
        assertEquals("factorSet,method,record,team,computeKwh,storageKwh,networkKwh,memoryKwh,gpuKwh,kwh,kgCo2e,rows,reason,currency,cost\n"
                + v + ",ccf-outlay-2,estimate,data,0.000000,0.166374,0.113500,0.000000,0.000000,0.279874,0.086258,2,,,\n"
                + v + ",ccf-outlay-2,estimate,web,4.068180,0.039226,0.000000,0.000000,0.000000,4.107406,1.556990,2,,,\n"
                + v + ",ccf-outlay-2,unestimated,,,,,,,,,1,UNCLASSIFIED,USD,10.00\n"
                + v + ",ccf-outlay-2,unestimated,web,,,,,,,,1,TRANSFER_OUTSIDE_PROVIDER_NETWORK,USD,4.25\n", csv);
    }

    @Test
    void groupByProviderAndRegion() throws Exception {
        load();
        JsonPath p = exact(given().header("Authorization", finops()).get(URL + "&groupBy=provider,region&factorSet=" + bundled()).then().statusCode(200)
                .extract().asString());
        assertEquals(List.of("provider", "region"), p.getList("groupBy"));
        assertEquals(3, p.getList("rows").size(), p.prettify());
        assertEquals("AWS", p.getString("rows[0].group.provider"));
        assertEquals("eu-west-1", p.getString("rows[0].group.region"));
        assertEquals("Microsoft", p.getString("rows[2].group.provider"));
        assertEquals(0, d("0.054637").compareTo(p.get("rows[2].kgCo2e")));
    }

    @Test
    void aNewFactorSetBecomesTheDefaultAndTheOlderOneReplaysItsFigures() throws Exception {
        load();
        String bundled = bundled();
        String before = given().header("Authorization", finops()).get(URL + "&groupBy=team&factorSet=" + bundled).then().statusCode(200)
                .extract().asString();
        ObjectMapper om = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        JsonNode detail = om.readTree(given().header("Authorization", finops()).get("/api/v1/carbon/factor-sets/" + bundled)
                .then().statusCode(200).extract().asString());
        ObjectNode factors = (ObjectNode) detail.get("factors");
        factors.put("name", "ccf-pue-1.2");
        factors.put("note", "test: AWS PUE 1.2");
        ((ObjectNode) factors.get("providers").get("aws")).put("pue", new BigDecimal("1.2"));
        String version = given().header("Authorization", finops()).contentType(ContentType.JSON).body(om.writeValueAsString(factors))
                .put("/api/v1/carbon/factor-sets").then().statusCode(201).extract().path("summary.version");
        assertNotEquals(bundled, version);
        // the same content again: stored already, 200
        given().header("Authorization", finops()).contentType(ContentType.JSON).body(om.writeValueAsString(factors))
                .put("/api/v1/carbon/factor-sets").then().statusCode(200).body("summary.version", equalTo(version));
        given().header("Authorization", finops()).get("/api/v1/carbon/factor-sets").then().statusCode(200)
                .body("version", hasItem(version)).body("find { it.version == '" + version + "' }.isDefault", equalTo(true))
                .body("find { it.bundled }.isDefault", equalTo(false));

        // default now: data's transfer is 100 × 0.001 × 1.2 = 0.12 kWh, + Azure 0.166374 (unchanged) = 0.286374
        JsonPath now = exact(given().header("Authorization", finops()).get(URL + "&groupBy=team").then().statusCode(200).extract().asString());
        assertEquals(version, now.getString("factorSet.version"));
        assertEquals(0, d("0.286374").compareTo(now.get("rows[0].kwh")));
        // replay with the bundled set: the older report, byte for byte
        assertEquals(before, given().header("Authorization", finops()).get(URL + "&groupBy=team&factorSet=" + bundled)
                .then().statusCode(200).extract().asString());
    }

    @Test
    void badInputIsAProblemNamingTheField() throws Exception {
        load();
        String auth = finops();
        given().header("Authorization", auth).get(URL + "&groupBy=colour").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("groupBy"));
        given().header("Authorization", auth).get(URL + "&groupBy=team,team").then().statusCode(400).body("errors[0].field", equalTo("groupBy"));
        given().header("Authorization", auth).get("/api/v1/carbon?from=2024-13-01&to=2024-12-01").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().header("Authorization", auth).get("/api/v1/carbon?from=2024-12-01&to=2024-11-01").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        given().header("Authorization", auth).get(URL + "&factorSet=feed").then().statusCode(400).body("errors[0].field", equalTo("factorSet"));
        given().header("Authorization", auth).get(URL + "&format=xml").then().statusCode(400).body("errors[0].field", equalTo("format"));
        given().header("Authorization", auth).get("/api/v1/carbon/factor-sets/feed").then().statusCode(404)
                .contentType("application/problem+json");

        int stored = given().header("Authorization", auth).get("/api/v1/carbon/factor-sets").then().extract().path("size()");
        String bad = """
                {"name":"bad","source":"s","publishedOn":"2024-03-25","retrievedOn":"2024-03-26","providers":{"aws":{"pue":0.9,
                 "defaultUtilization":0.5,"unknownArchitecture":{"min":0.74,"max":3.5},"ssdWhPerTbHour":1.2,"hddWhPerTbHour":0.65,
                 "networkKwhPerGb":0.001,"memoryKwhPerGbHour":0.000392,"unknownRegionGramsPerKwh":392}}}""";
        given().header("Authorization", auth).contentType(ContentType.JSON).body(bad).put("/api/v1/carbon/factor-sets").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("providers.aws.pue"));
        given().header("Authorization", auth).contentType(ContentType.JSON).body(bad.replace("\"pue\":0.9", "\"pue\":1.1,\"colour\":1"))
                .put("/api/v1/carbon/factor-sets").then().statusCode(400).body("errors[0].field", equalTo("providers.aws.colour"));
        given().header("Authorization", auth).contentType(ContentType.JSON).body("{\"name\":").put("/api/v1/carbon/factor-sets")
                .then().statusCode(400).contentType("application/problem+json");
        assertEquals(stored, (int) given().header("Authorization", auth).get("/api/v1/carbon/factor-sets").then().extract().path("size()"),
                "a refused factor set stores nothing");
    }

    @Test
    void rolesAndTenants() throws Exception {
        load();
        given().get(URL).then().statusCode(401);
        given().header("Authorization", bearer(T, "co2-appr", "approver")).get(URL).then().statusCode(403);
        given().header("Authorization", bearer(T, "co2-appr", "approver")).get("/api/v1/carbon/factor-sets").then().statusCode(403);
        given().header("Authorization", bearer(T, "co2-lead", "leadership")).get(URL).then().statusCode(200);
        // only FinOps administrators store factor sets (not even admin)
        given().header("Authorization", bearer(T, "co2-admin", "admin")).contentType(ContentType.JSON).body("{}")
                .put("/api/v1/carbon/factor-sets").then().statusCode(403);
        given().header("Authorization", bearer(T, "co2-fin", "finance")).contentType(ContentType.JSON).body("{}")
                .put("/api/v1/carbon/factor-sets").then().statusCode(403);
        // another tenant sees none of this tenant's usage and none of its stored factor sets
        String other = bearer("carbon-b-" + ProcessHandle.current().pid(), "co2-b", "finops_admin");
        JsonPath b = exact(given().header("Authorization", other).get(URL + "&groupBy=team").then().statusCode(200).extract().asString());
        assertTrue(b.getList("rows").isEmpty());
        assertTrue(b.getList("unestimated").isEmpty());
        assertEquals(0, d("0").compareTo(b.get("totalKwh")));
        List<String> ofB = given().header("Authorization", other).get("/api/v1/carbon/factor-sets").then().statusCode(200)
                .extract().jsonPath().getList("version");
        assertEquals(2, ofB.size(), "tenant B has the two bundled sets only");
        for (String v : given().header("Authorization", finops()).get("/api/v1/carbon/factor-sets").then().extract().jsonPath()
                .<String>getList("version")) {
            if (!ofB.contains(v)) given().header("Authorization", other).get("/api/v1/carbon/factor-sets/" + v).then().statusCode(404);
        }
    }
}
