/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.demo;

import dev.outlay.tenancy.TenantConnections;
import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.TenantRegistry;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo's planted waste goes through the real pipelines: its billing carries the usage types billing-tier
 * detectors read, every billed resource id is an inventory resource id, and utilization is stored per day.
 */
@QuarkusTest
class DemoInventoryTest {

    static final String T = "demo-inventory";
    static final LocalDate END = LocalDate.of(2026, 11, 30);

    @Inject
    DemoInventorySeeder seeder;

    @Inject
    TenantRegistry tenants;

    @Inject
    AgroalDataSource ds;

    @Test
    void plantedWasteLoadsThroughThePipelines() {
        assertArrayEquals(DemoWaste.cur(END, 90), DemoWaste.cur(END, 90), "deterministic");
        tenants.ensure(T, T, false);
        DemoInventorySeeder.Seeded s = TenantContext.runAs(TenantContext.system(T), () -> seeder.seedNow(END, 90));
        assertEquals("succeeded", s.billing().status());
        assertEquals(0, s.billing().counts().rowsFlagged(), "the generated CUR maps without a flag");
        assertEquals(26, s.inventory().items());
        assertEquals("succeeded", s.saasBilling().status());
        assertEquals(0, s.saasBilling().counts().rowsFlagged(), "the SaaS FOCUS export maps without a flag");
        assertEquals(2 * 90, count("SELECT count(*) FROM outlay.ledger_charge WHERE source = ? AND resource_id IN (?, ?)",
                DemoInventorySeeder.SAAS_BILLING_SOURCE, DemoWaste.SAAS_GITHUB, DemoWaste.SAAS_SLACK), "one seat charge a day each");
        assertEquals(3, s.metrics().gapDays(), "the previous-generation host's missing day, for its three metrics");

        Map<String, String> usage = Map.of(
                DemoWaste.IDLE_EIP, "PublicIPv4:IdleAddress",
                DemoWaste.NAT, "NatGateway-Bytes",
                DemoWaste.MULTI_AZ_DEV_DB, "Multi-AZUsage:db.r6g.large",
                DemoWaste.CHATTY_EC2, "DataTransfer-Regional-Bytes",
                DemoWaste.UNATTACHED_GP2, "EBS:VolumeUsage.gp2",
                DemoWaste.PREVGEN_EC2, "BoxUsage:m4.2xlarge",
                DemoWaste.ORPHAN_SNAPSHOT, "EBS:SnapshotUsage",
                DemoWaste.IDLE_LB, "LoadBalancerUsage");
        usage.forEach((id, type) -> assertTrue(count("SELECT count(*) FROM outlay.ledger_charge WHERE resource_id = ? AND x_usage_type = ?",
                id, type) > 0, id + " billed as " + type));
        assertEquals(90, count("SELECT count(*) FROM outlay.ledger_charge WHERE resource_id = ? AND x_operation = 'InterZone-Out'",
                DemoWaste.CHATTY_EC2));
        assertEquals(60, count("SELECT count(*) FROM outlay.ledger_charge WHERE resource_id = ?", DemoWaste.UNATTACHED_GP2),
                "the unattached volume bills since it was created, 60 days ago");
        assertEquals(0, count("SELECT count(*) FROM outlay.ledger_charge WHERE resource_id = ?", DemoWaste.STOPPED_EC2),
                "a stopped instance bills no hours; its volume does");
        assertEquals(0, count("SELECT count(DISTINCT resource_id) FROM outlay.ledger_charge WHERE source = ? AND resource_id NOT IN "
                + "(SELECT resource_id FROM outlay.inventory_item)", DemoInventorySeeder.BILLING_SOURCE), "billing ids are inventory ids");
        assertEquals(0, count("SELECT count(*) FROM outlay.ledger_charge WHERE source = ? AND x_usage_type IS NULL",
                DemoInventorySeeder.BILLING_SOURCE));

        String reader = bearer(T, "demo-eng", "engineering");
        given().header("Authorization", reader).get("/api/v1/inventory?kind=block-volume&state=available").then().statusCode(200)
                .body("resourceId", equalTo(List.of(DemoWaste.UNATTACHED_GP2, DemoWaste.YOUNG_VOLUME)));
        given().header("Authorization", reader).get("/api/v1/inventory?kind=public-ip").then()
                .body("[0].state", equalTo("unassociated")).body("[0].attachedTo", equalTo(null));
        List<Float> idleCpu = given().header("Authorization", reader)
                .get("/api/v1/inventory/metrics?resourceId=" + DemoWaste.IDLE_EC2 + "&metric=cpu-utilization").then()
                .body("$", hasSize(14)).extract().jsonPath().getList("average", Float.class);
        assertTrue(idleCpu.stream().allMatch(v -> v < 1.0f), idleCpu.toString());
        List<Float> peak = given().header("Authorization", reader)
                .get("/api/v1/inventory/metrics?resourceId=" + DemoWaste.OVERSIZED_EC2 + "&metric=cpu-utilization").then()
                .extract().jsonPath().getList("maximum", Float.class);
        assertTrue(peak.stream().allMatch(v -> v > 7f && v < 9f), peak.toString());
        given().header("Authorization", reader)
                .get("/api/v1/inventory/metrics?resourceId=" + DemoWaste.PREVGEN_EC2 + "&metric=cpu-utilization").then()
                .body("$", hasSize(14)).body("findAll { it.coveredSeconds == 0 }.size()", equalTo(1));
    }

    long count(String sql, Object... args) {
        return TenantContext.runAs(TenantContext.system(T), () -> {
            try (Connection c = TenantConnections.open(ds); PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
