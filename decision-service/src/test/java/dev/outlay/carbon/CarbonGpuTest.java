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
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;

import static dev.outlay.carbon.CarbonApiTest.d;
import static dev.outlay.carbon.CarbonApiTest.exact;
import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GPUs (method 2, bundled set ccf-b7a049c7-gpu) through the real pipeline, and the older bundled set still answering
 * its own figures under the same version it always had.
 */
@QuarkusTest
class CarbonGpuTest {

    static final String T = "carbon-gpu-" + ProcessHandle.current().pid();
    static final String URL = "/api/v1/carbon?from=2024-11-01&to=2024-12-01&groupBy=team";
    /** The first bundled set's version before GPUs existed: adding the GPU fields must not change it. */
    static final String CCF_B7A049C7 = "49c443974214ee70f66bb60c0fcb15fea1e736388ae1473811e90e36c676c8ee";

    static String auth() {
        return bearer(T, "gpu-finops", "finops_admin");
    }

    @Test
    void gpuInstancesCountTheirGpusAndTheOlderSetReplaysWithout() throws Exception {
        byte[] csv;
        try (InputStream in = CarbonGpuTest.class.getResourceAsStream("/carbon/carbon-gpu-focus.csv")) {
            csv = in.readAllBytes();
        }
        String id = given().header("Authorization", auth()).multiPart("source", "focus").multiPart("connection", "carbon-gpu")
                .multiPart("file", "carbon-gpu-focus.csv", csv, "text/csv")
                .post("/api/v1/ingestions").then().statusCode(202).extract().path("id");
        String status = "queued";
        for (int i = 0; i < 600 && (status.equals("queued") || status.equals("running")); i++) {
            Thread.sleep(100);
            status = given().header("Authorization", auth()).get("/api/v1/ingestions/" + id).then().extract().path("status");
        }
        assertEquals("succeeded", status);

        List<String> bundled = given().header("Authorization", auth()).get("/api/v1/carbon/factor-sets").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.bundled }.version");
        assertEquals(2, bundled.size(), bundled.toString());
        assertTrue(bundled.contains(CCF_B7A049C7), "the older bundled set keeps its version: " + bundled);

        // The default (no stored set): the GPU set. ml: p3.2xlarge 10 h and g4dn.xlarge 100 h in us-east-1.
        //   CPU  80 vCPU-h × 2.2 W (Broadwell) + 400 vCPU-h × 2.305 W (Cascade Lake) = 1.098 kWh × 1.135 = 1.24623 kWh
        //   GPU  10 × V100 170.5 W + 100 × T4 39.5 W = 5.655 kWh × 1.135 = 6.418425 kWh
        //   7.664655 kWh × 379.069 g / 1000 = 2.905433 kg
        JsonPath now = exact(given().header("Authorization", auth()).get(URL).then().statusCode(200).extract().asString());
        assertEquals("ccf-b7a049c7-gpu", now.getString("factorSet.name"));
        assertEquals("ml", now.getString("rows[0].group.team"));
        assertEquals(0, d("1.246230").compareTo(now.get("rows[0].computeKwh")), now.prettify());
        assertEquals(0, d("6.418425").compareTo(now.get("rows[0].gpuKwh")), now.prettify());
        assertEquals(0, d("7.664655").compareTo(now.get("rows[0].kwh")), now.prettify());
        assertEquals(0, d("2.905433").compareTo(now.get("rows[0].kgCo2e")), now.prettify());
        // web's m5.large (no GPU): 1460 vCPU-h × 2.455 W / 1000 × 1.135 = 4.068181 kWh (4.0681805, HALF_EVEN → 4.068180)
        assertEquals(0, d("4.068180").compareTo(now.get("rows[1].kwh")));
        assertEquals(0, d("0").compareTo(now.get("rows[1].gpuKwh")));
        assertTrue(now.getList("unestimated").isEmpty(), now.prettify());

        // The older set: it lists no GPU instance type, so the ml rows are unestimated (as they always were under it),
        // and web's figure is the same digits.
        JsonPath old = exact(given().header("Authorization", auth()).get(URL + "&factorSet=" + CCF_B7A049C7).then().statusCode(200)
                .extract().asString());
        assertEquals("ccf-b7a049c7", old.getString("factorSet.name"));
        assertEquals(1, old.getList("rows").size(), old.prettify());
        assertEquals("web", old.getString("rows[0].group.team"));
        assertEquals(0, d("4.068180").compareTo(old.get("rows[0].kwh")));
        assertEquals("INSTANCE_TYPE_UNKNOWN", old.getString("unestimated[0].reason"));
        assertEquals(2, old.getLong("unestimated[0].rows"));
        assertEquals(0, d("83.20").compareTo(old.get("unestimated[0].cost")));
    }
}
