/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.inventory;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.outlay.tenancy.TenantConnections;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With {@code outlay.findings.after-ingestion} on, a stored inventory import and an ok aws-inventory read (real SDK
 * clients against WireMock) each queue a findings scan (trigger {@code inventory}) that finds what was stored; a
 * refused import and a read AWS refuses queue none.
 */
@QuarkusTest
@TestProfile(InventoryScanTriggerTest.ScanAfterLoads.class)
class InventoryScanTriggerTest {

    public static class ScanAfterLoads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("outlay.findings.after-ingestion", "true");
        }
    }

    static WireMockServer wm;

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void start() {
        wm = new WireMockServer(options().dynamicPort());
        wm.start();
    }

    @AfterAll
    static void stop() {
        wm.stop();
    }

    /** The tenant's scans queued after inventory loads, oldest first, as "status". */
    private List<String> inventoryScans(String tenant) {
        return TenantContext.runAs(TenantContext.system(tenant), () -> {
            try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(
                    "SELECT status FROM outlay.finding_scan WHERE tenant_id = ? AND trigger = 'inventory' ORDER BY started_at")) {
                ps.setString(1, tenant);
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(rs.getString(1));
                }
                return out;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Waits until the tenant has {@code n} inventory-triggered scans and none is queued or running. */
    private List<String> awaitScans(String tenant, int n) throws InterruptedException {
        List<String> s = inventoryScans(tenant);
        for (int i = 0; i < 600 && (s.size() < n || s.contains("queued") || s.contains("running")); i++) {
            Thread.sleep(100);
            s = inventoryScans(tenant);
        }
        return s;
    }

    @Test
    void anImportQueuesAScanThatFindsWhatItStoredARefusedOneQueuesNothing() throws Exception {
        String t = "inv-trigger-upload";
        String finops = bearer(t, "fo", "finops_admin");
        given().header("Authorization", finops).contentType("text/csv")
                .body("resource_id,provider,account_id,region,kind,state,size,created_at,tags\n"
                        + "vol-trig-1,aws,111122223333,eu-west-1,block-volume,available,gp3,2025-01-02T00:00:00Z,team=web\n")
                .post("/api/v1/inventory/imports?content=inventory").then().statusCode(201);
        assertEquals(List.of("succeeded"), awaitScans(t, 1));
        given().header("Authorization", finops).get("/api/v1/findings?detector=waste.ebs.unattached").then().statusCode(200)
                .body("resourceId", equalTo(List.of("vol-trig-1"))).body("[0].owner", equalTo("web"));

        // a file with a bad line is refused whole: nothing stored, no scan
        given().header("Authorization", finops).contentType("text/csv")
                .body("resource_id,provider,account_id,region,kind,state\nvol-trig-2,aws,1,eu-west-1,teleporter,on\n")
                .post("/api/v1/inventory/imports?content=inventory").then().statusCode(422);
        Thread.sleep(1500);
        assertEquals(List.of("succeeded"), inventoryScans(t), "a refused import queues no scan");
    }

    @Test
    void anOkAwsReadQueuesAScanARefusedReadDoesNot() throws Exception {
        String t = "inv-trigger-aws";
        wm.resetAll();
        AwsFixtures.stubAccount(wm);
        Map<String, Object> body = Map.of("name", "acct", "kind", "aws-inventory",
                "config", Map.of("accountId", "111122223333", "regions", List.of("eu-west-1"), "endpoint", wm.baseUrl()),
                "credentials", Map.of("accessKeyId", "AKIAEXAMPLEKEY000001", "secretAccessKey", "very-secret-key"));
        String id = given().header("Authorization", bearer(t, "inv-admin", "admin")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/connections").then().statusCode(201).extract().path("id");
        String finops = bearer(t, "fo", "finops_admin");
        given().header("Authorization", finops).post("/api/v1/connections/" + id + "/poll").then().statusCode(200).body("status", equalTo("ok"));
        List<String> scans = awaitScans(t, 1);
        assertEquals(List.of("succeeded"), scans);
        List<Map<String, Object>> found = given().header("Authorization", finops).get("/api/v1/findings?detector=waste.ebs.unattached")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertTrue(found.stream().anyMatch(f -> "vol-0bbb000000000002".equals(f.get("resourceId"))), "the read's unattached volume: " + found);

        // the credentials expire: the read is refused whole and no scan follows
        wm.stubFor(post(urlEqualTo(AwsFixtures.CW_PATH)).atPriority(1)
                .willReturn(AwsFixtures.cbor(403, "cloudwatch-error-expired-token.json").withHeader("x-amzn-query-error", "ExpiredToken;Sender")));
        given().header("Authorization", finops).post("/api/v1/connections/" + id + "/poll").then().statusCode(200)
                .body("status", equalTo("unhealthy"));
        Thread.sleep(1500);
        assertEquals(List.of("succeeded"), inventoryScans(t), "a refused read queues no scan");
    }
}
