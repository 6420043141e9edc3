/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.findings;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Insufficient-data and rule-level waivers as outcomes a scan keeps: a running instance with three days of metrics,
 * a DR-tagged unattached volume and a plain unattached volume are imported through the API and scanned; the scan
 * counts findings / insufficient-data / waived per detector, its undecided list names the resources with the rules'
 * reasons (JSON and CSV, owners see their own groups' rows), coverage reports the newest scan, bad input is a problem,
 * and another tenant sees none of it.
 */
@QuarkusTest
class FindingUndecidedTest {

    static final String T = "findings-undecided";
    static final String OTHER = "findings-undecided-other";

    static String finops() {
        return bearer(T, "fo", "finops_admin");
    }

    private static void importCsv(String content, String csv) {
        given().header("Authorization", finops()).contentType("text/csv").body(csv)
                .post("/api/v1/inventory/imports?content=" + content).then().statusCode(201);
    }

    @Inject
    AgroalDataSource dataSource;

    @SuppressWarnings("unchecked")
    @Test
    void aScanKeepsWhatItCouldNotJudgeWithTheRulesReasons() {
        LocalDate asOf = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        importCsv("inventory", "resource_id,provider,account_id,region,kind,state,size,attached_to,created_at,tags\n"
                + "i-und-run,aws,111122223333,eu-west-1,compute-instance,running,m5.large,,2025-01-02T00:00:00Z,team=payments\n"
                + "vol-und-dr,aws,111122223333,eu-west-1,block-volume,available,gp3,,2025-01-02T00:00:00Z,team=payments;backup=true\n"
                + "vol-und-loose,aws,111122223333,eu-west-1,block-volume,available,gp3,,2025-01-02T00:00:00Z,team=ml\n");
        StringBuilder metrics = new StringBuilder("resource_id,metric,timestamp,period,avg,max,total\n");
        for (int d = 1; d <= 3; d++) {
            String day = asOf.minusDays(d - 1L) + "T00:00:00Z";
            metrics.append("i-und-run,cpu-utilization,").append(day).append(",86400,35,80,\n");
            metrics.append("i-und-run,network-in,").append(day).append(",86400,,,900000000\n");
            metrics.append("i-und-run,network-out,").append(day).append(",86400,,,900000000\n");
        }
        importCsv("metrics", metrics.toString());

        Map<String, Object> scan = given().header("Authorization", finops()).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/findings/scan?wait=true").then().statusCode(201).body("status", equalTo("succeeded"))
                .extract().jsonPath().getMap("$");
        String scanId = (String) scan.get("id");
        List<Map<String, Object>> detectors = (List<Map<String, Object>>) scan.get("detectors");
        Map<String, Object> idle = detectors.stream().filter(d -> "waste.compute.idle".equals(d.get("detector"))).findFirst().orElse(null);
        assertNotNull(idle, "the idle-compute detector is counted: " + detectors);
        assertEquals(1, idle.get("insufficientData"), idle.toString());
        assertEquals(0, idle.get("findings"), idle.toString());
        Map<String, Object> ebs = detectors.stream().filter(d -> "waste.ebs.unattached".equals(d.get("detector"))).findFirst().orElseThrow();
        assertEquals(1, ebs.get("findings"), ebs.toString());
        assertEquals(1, ebs.get("waived"), "the DR-tagged volume: " + ebs);

        List<Map<String, Object>> rows = given().header("Authorization", finops()).get("/api/v1/findings/scans/" + scanId + "/undecided")
                .then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> missing = rows.stream().filter(r -> "i-und-run".equals(r.get("resourceId")) && "waste.compute.idle".equals(r.get("detector")))
                .findFirst().orElse(null);
        assertNotNull(missing, "the instance without enough metrics is listed: " + rows);
        assertEquals("insufficient-data", missing.get("outcome"));
        assertTrue(((String) missing.get("reason")).contains("3 complete days"), missing.toString());
        assertEquals("payments", missing.get("owner"));
        assertEquals("aws", missing.get("provider"));
        assertNotNull(missing.get("decisionId"));
        Map<String, Object> dr = rows.stream().filter(r -> "vol-und-dr".equals(r.get("resourceId"))).findFirst().orElseThrow();
        assertEquals("waived", dr.get("outcome"));
        assertTrue(((String) dr.get("reason")).contains("backup=true"), dr.toString());
        assertTrue(rows.stream().noneMatch(r -> "vol-und-loose".equals(r.get("resourceId"))), "a finding is not undecided");

        // the verdict replays from its decision
        given().header("Authorization", bearer(T, "aud", "auditor")).contentType(ContentType.JSON)
                .post("/api/v1/decisions/" + missing.get("decisionId") + "/replay").then().statusCode(200).body("reproduced", equalTo(true));

        // filters, owners' scope, CSV
        given().header("Authorization", finops()).get("/api/v1/findings/scans/" + scanId + "/undecided?outcome=waived").then().statusCode(200)
                .body("resourceId", equalTo(List.of("vol-und-dr")));
        given().header("Authorization", bearer(T, "pat", "engineering", "payments"))
                .get("/api/v1/findings/scans/" + scanId + "/undecided?detector=waste.compute.idle").then().statusCode(200)
                .body("resourceId", equalTo(List.of("i-und-run")));
        given().header("Authorization", bearer(T, "oli", "engineering", "ml")).get("/api/v1/findings/scans/" + scanId + "/undecided")
                .then().statusCode(200).body("size()", equalTo(0));
        String csv = given().header("Authorization", finops()).get("/api/v1/findings/scans/" + scanId + "/undecided?format=csv&outcome=insufficient-data")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(FindingUndecidedCsv.HEADER, lines[0]);
        assertTrue(lines[1].startsWith("i-und-run,aws,111122223333,eu-west-1,payments,"), csv);

        // coverage: the newest scan, per detector, over what the caller may see
        given().header("Authorization", finops()).get("/api/v1/findings/coverage").then().statusCode(200)
                .body("scanId", equalTo(scanId))
                .body("detectors.find { it.detector == 'waste.compute.idle' }.insufficientData", equalTo(1))
                .body("detectors.find { it.detector == 'waste.ebs.unattached' }.findings", equalTo(1))
                .body("detectors.find { it.detector == 'waste.ebs.unattached' }.waived", equalTo(1));
        given().header("Authorization", bearer(T, "oli", "engineering", "ml")).get("/api/v1/findings/coverage").then().statusCode(200)
                .body("detectors.find { it.detector == 'waste.ebs.unattached' }.findings", equalTo(1))
                .body("detectors.find { it.detector == 'waste.ebs.unattached' }.waived", equalTo(0))
                .body("detectors.find { it.detector == 'waste.compute.idle' }", org.hamcrest.Matchers.nullValue());

        // bad input and other callers
        for (String bad : List.of("?outcome=maybe", "?detector=waste.nothing", "?format=xml")) {
            given().header("Authorization", finops()).get("/api/v1/findings/scans/" + scanId + "/undecided" + bad).then().statusCode(400)
                    .contentType(startsWith("application/problem+json")).body("errors[0].field", org.hamcrest.Matchers.notNullValue());
        }
        given().header("Authorization", finops()).get("/api/v1/findings/scans/not-a-scan/undecided").then().statusCode(404);
        given().header("Authorization", bearer(T, "fin", "finance")).get("/api/v1/findings/scans/" + scanId + "/undecided").then().statusCode(403);
        given().header("Authorization", bearer(OTHER, "fo", "finops_admin")).get("/api/v1/findings/scans/" + scanId + "/undecided").then()
                .statusCode(404);
        given().header("Authorization", bearer(OTHER, "fo", "finops_admin")).get("/api/v1/findings/coverage").then().statusCode(200)
                .body("scanId", org.hamcrest.Matchers.nullValue()).body("detectors.size()", equalTo(0));

        // a failed scan wrote no list: 409
        UUID failed = UUID.randomUUID();
        FindingScanTest.sql(dataSource, T, "INSERT INTO outlay.finding_scan (id, tenant_id, status, trigger, profile, as_of, created_by, "
                + "finished_at, problem) VALUES (?, ?, 'failed', 'request', 'azure-advisor', ?, 'test', now(), '{}')", failed, T, asOf.minusDays(9));
        given().header("Authorization", finops()).get("/api/v1/findings/scans/" + failed + "/undecided").then().statusCode(409)
                .contentType(startsWith("application/problem+json"));

        // 29 newer scans besides the next one: the first scan's list is pruned (410), its counts stay
        for (int i = 0; i < FindingUndecidedStore.KEPT_SCANS - 1; i++) {
            FindingScanTest.sql(dataSource, T, "INSERT INTO outlay.finding_scan (id, tenant_id, status, trigger, profile, as_of, created_by, "
                    + "started_at, finished_at) VALUES (?, ?, 'succeeded', 'request', 'conservative', ?, 'test', now(), now())",
                    UUID.randomUUID(), T, asOf.minusDays(2));
        }
        given().header("Authorization", finops()).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/findings/scan?wait=true").then().statusCode(201).body("status", equalTo("succeeded"));
        given().header("Authorization", finops()).get("/api/v1/findings/scans/" + scanId + "/undecided").then().statusCode(410)
                .contentType(startsWith("application/problem+json"));
        given().header("Authorization", finops()).get("/api/v1/findings/scans/" + scanId).then().statusCode(200)
                .body("detectors.find { it.detector == 'waste.compute.idle' }.insufficientData", equalTo(1));
    }
}
