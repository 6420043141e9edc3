/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.findings;

import dev.outlay.tenancy.TenantConnections;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scan over a real ledger (loaded through ingestion and allocated), an inventory and no metrics: the planted
 * unattached volume and the idle public IPv4 address are found with their allocation owner and savings, the attached
 * volume is not; a rescan updates instead of duplicating; a waiver holds across rescans; the finding's decision
 * replays to the same outputs; a resource the inventory drops is closed with the reason; another tenant sees nothing.
 */
@QuarkusTest
class FindingScanTest {

    static final String T = "findings-scan";
    static final LocalDate AS_OF = LocalDate.of(2026, 2, 28);
    static final String LOOSE = "vol-0loose";
    static final String USED = "vol-0used";
    static final String EIP = "eipalloc-0idle";

    @Inject
    AgroalDataSource dataSource;

    static String finops() {
        return bearer(T, "fo", "finops_admin");
    }

    static final String FOCUS_HEADER = "BilledCost,BillingAccountId,BillingAccountName,BillingCurrency,BillingPeriodEnd,"
            + "BillingPeriodStart,ChargeCategory,ChargeClass,ChargeDescription,ChargeFrequency,ChargePeriodEnd,ChargePeriodStart,"
            + "ConsumedQuantity,ConsumedUnit,ContractedCost,EffectiveCost,InvoiceIssuerName,ListCost,PricingCategory,PricingQuantity,"
            + "PricingUnit,ProviderName,PublisherName,RegionId,RegionName,ResourceId,ServiceCategory,ServiceName,SubAccountId,"
            + "SubAccountName,Tags\n";

    /** FOCUS rows for February 2026: two volumes at 0.50/day, an idle address at 0.12/day for 24 h, all tagged to a team. */
    static String ledger() {
        StringBuilder sb = new StringBuilder(FOCUS_HEADER);
        for (int i = 0; i < 28; i++) {
            LocalDate d = LocalDate.of(2026, 2, 1).plusDays(i);
            row(sb, d, "0.50", "16", "GB-Mo", LOOSE, "Storage", "EBS", "payments");
            row(sb, d, "0.50", "16", "GB-Mo", USED, "Storage", "EBS", "payments");
            row(sb, d, "0.12", "24", "Hours", EIP, "Networking", "VPC", "ml");
        }
        return sb.toString();
    }

    static void row(StringBuilder sb, LocalDate d, String cost, String qty, String unit, String resource, String category,
                            String service, String team) {
        sb.append(cost).append(",acct-1,Acme,USD,2026-03-01T00:00:00Z,2026-02-01T00:00:00Z,Usage,,").append(service).append(",Usage-Based,")
                .append(d.plusDays(1)).append("T00:00:00Z,").append(d).append("T00:00:00Z,").append(qty).append(',').append(unit).append(',')
                .append(cost).append(',').append(cost).append(",Amazon Web Services,").append(cost).append(",Standard,").append(qty).append(',')
                .append(unit).append(",AWS,AWS,eu-west-1,Ireland,").append(resource).append(',').append(category).append(',').append(service)
                .append(",111122223333,shop-prod,\"{\"\"team\"\":\"\"").append(team).append("\"\"}\"\n");
    }

    private void sql(String sql, Object... args) {
        sql(dataSource, T, sql, args);
    }

    /** One statement as the tenant's system identity (row-level security applies). */
    static void sql(AgroalDataSource dataSource, String tenant, String sql, Object... args) {
        TenantContext.runAs(TenantContext.system(tenant), () -> {
            try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Loads a FOCUS CSV through the ingestion API and waits until it succeeded. */
    static void ingest(String auth, String name, String csv) throws InterruptedException {
        String id = given().header("Authorization", auth).multiPart("source", "focus")
                .multiPart("file", name, csv.getBytes(), "text/csv")
                .post("/api/v1/ingestions").then().statusCode(202).extract().path("id");
        String status = "queued";
        for (int i = 0; i < 600 && (status.equals("queued") || status.equals("running")); i++) {
            Thread.sleep(100);
            status = given().header("Authorization", auth).get("/api/v1/ingestions/" + id).then().extract().path("status");
        }
        assertEquals("succeeded", status);
    }

    private void seed() throws InterruptedException {
        ingest(finops(), "findings-ledger.csv", ledger());
        // The CSV loader has no x_UsageType column: the CUR usage type of the idle address is set as a CUR load would.
        sql("UPDATE outlay.ledger_charge SET x_usage_type = 'EU-PublicIPv4:IdleAddress' WHERE tenant_id = ? AND resource_id = ?", T, EIP);
        given().header("Authorization", finops()).contentType(ContentType.JSON).body(Map.of("billingPeriod", "2026-02"))
                .post("/api/v1/allocations/runs?wait=true").then().statusCode(201);

        UUID imp = UUID.randomUUID();
        sql("INSERT INTO outlay.inventory_import (id, tenant_id, source, content, format, created_by) VALUES (?, ?, 'upload', 'inventory', 'csv', 'test')",
                imp, T);
        String inv = "INSERT INTO outlay.inventory_item (tenant_id, resource_id, provider, account_id, region, kind, state, size, attached_to, "
                + "created_at, state_since, observed_at, source, import_id, attributes) VALUES (?, ?, 'aws', '111122223333', 'eu-west-1', "
                + "'block-volume', ?, 'gp3', ?, ?, ?, ?, 'upload', ?, '{\"volumeSizeGiB\":\"100\"}'::jsonb)";
        java.sql.Timestamp created = java.sql.Timestamp.from(AS_OF.minusDays(90).atStartOfDay(ZoneOffset.UTC).toInstant());
        java.sql.Timestamp since = java.sql.Timestamp.from(AS_OF.minusDays(60).atStartOfDay(ZoneOffset.UTC).toInstant());
        java.sql.Timestamp seen = java.sql.Timestamp.from(AS_OF.atStartOfDay(ZoneOffset.UTC).toInstant());
        sql(inv, T, LOOSE, "available", null, created, since, seen, imp);
        sql(inv, T, USED, "in-use", "i-0running", created, since, seen, imp);
    }

    private static Map<String, Object> scan() {
        return given().header("Authorization", finops()).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/findings/scan?asOf=" + AS_OF + "&wait=true").then().statusCode(201)
                .body("status", equalTo("succeeded")).extract().jsonPath().getMap("$");
    }

    private static List<Map<String, Object>> findings(String query) {
        return given().header("Authorization", finops()).get("/api/v1/findings" + query).then().statusCode(200).extract().jsonPath().getList("$");
    }

    @Test
    void scanFindsPlantedWasteThenRescansWithoutDuplicatesKeepsWaiversReplaysAndClosesGoneResources() throws Exception {
        seed();
        Map<String, Object> first = scan();
        assertEquals("conservative", first.get("profile"));

        List<Map<String, Object>> all = findings("");
        Map<String, Object> volume = all.stream().filter(f -> LOOSE.equals(f.get("resourceId"))).findFirst().orElse(null);
        assertNotNull(volume, "the unattached volume is found: " + all);
        assertEquals("waste.ebs.unattached", volume.get("detector"));
        assertEquals("payments", volume.get("owner"));
        assertEquals("allocation", volume.get("ownerSource"), "owner from the allocation run in force");
        assertEquals("open", volume.get("status"));
        assertEquals("INVENTORY", volume.get("tier"));
        List<Map<String, Object>> savings = (List<Map<String, Object>>) volume.get("savings");
        assertEquals(1, savings.size());
        assertEquals("USD", savings.get(0).get("currency"));
        assertTrue(((Number) savings.get(0).get("expected")).doubleValue() > 0, "the volume's run rate is saved: " + savings);
        assertTrue(all.stream().noneMatch(f -> USED.equals(f.get("resourceId"))), "an attached volume is no waste");

        Map<String, Object> eip = all.stream().filter(f -> EIP.equals(f.get("resourceId"))).findFirst().orElse(null);
        assertNotNull(eip, "the idle address is found from billing alone: " + all);
        assertEquals("waste.eip.idle", eip.get("detector"));
        assertEquals("ml", eip.get("owner"));
        assertEquals("BILLING", eip.get("tier"));
        assertEquals("AWS", eip.get("provider"), "provider of a billing-only resource from its charge");

        // routed: a triage record for the owner group and an outbox event of kind finding
        String volumeId = (String) volume.get("id");
        assertNotNull(volume.get("violationId"));
        assertNotNull(volume.get("processInstanceId"));
        given().header("Authorization", bearer(T, "aud", "auditor")).get("/api/v1/violations/" + volume.get("violationId")).then()
                .statusCode(200).body("owner", equalTo("payments"));
        List<Map<String, Object>> deliveries = given().header("Authorization", bearer(T, "aud", "auditor")).get("/api/v1/deliveries")
                .then().statusCode(200).extract().path("findAll { it.subjectId == '" + volumeId + "' }");
        assertEquals(1, deliveries.size(), "one event per new finding: " + deliveries);
        assertEquals("finding", deliveries.get(0).get("eventKind"));

        // rescan: same ids, no duplicates, facts updated
        Map<String, Object> second = scan();
        Map<String, Object> counts = (Map<String, Object>) second.get("counts");
        assertEquals(0, counts.get("created"), "nothing new: " + second);
        List<Map<String, Object>> again = findings("");
        assertEquals(all.size(), again.size());
        assertEquals(1, again.stream().filter(f -> LOOSE.equals(f.get("resourceId"))).count());
        Map<String, Object> v2 = again.stream().filter(f -> volumeId.equals(f.get("id"))).findFirst().orElseThrow();
        assertEquals(volume.get("firstSeen"), v2.get("firstSeen"));
        assertEquals(volume.get("processInstanceId"), v2.get("processInstanceId"), "no second triage");

        // the finding's decision replays to the logged outputs
        given().header("Authorization", bearer(T, "aud", "auditor")).contentType(ContentType.JSON)
                .post("/api/v1/decisions/" + v2.get("decisionId") + "/replay").then().statusCode(200)
                .body("reproduced", equalTo(true)).body("ruleSet", equalTo("waste-rightsizing"));

        // a waiver holds across a rescan
        String until = LocalDate.now(ZoneOffset.UTC).plusDays(60).toString();
        given().header("Authorization", bearer(T, "pat", "engineering", "payments")).contentType(ContentType.JSON)
                .body(Map.of("reason", "restoring from it next week", "until", until))
                .post("/api/v1/findings/" + volumeId + "/waive").then().statusCode(200).body("status", equalTo("waived"));
        scan();
        given().header("Authorization", finops()).get("/api/v1/findings/" + volumeId).then().statusCode(200)
                .body("finding.status", equalTo("waived")).body("finding.waiveReason", equalTo("restoring from it next week"));

        // the inventory no longer lists the volume: closed with the reason, on the next scan
        sql("UPDATE outlay.inventory_item SET present = false WHERE tenant_id = ? AND resource_id = ?", T, LOOSE);
        Map<String, Object> fourth = scan();
        assertTrue(((Number) ((Map<String, Object>) fourth.get("counts")).get("closed")).intValue() >= 1, fourth.toString());
        given().header("Authorization", finops()).get("/api/v1/findings/" + volumeId).then().statusCode(200)
                .body("finding.status", equalTo("closed"))
                .body("finding.closedReason", startsWith("resource no longer in inventory"))
                .body("events.to", hasItem("closed"));

        // a second tenant sees none of it
        given().header("Authorization", bearer("findings-scan-other", "fo", "finops_admin")).get("/api/v1/findings").then()
                .statusCode(200).body("size()", equalTo(0));
        given().header("Authorization", bearer("findings-scan-other", "fo", "finops_admin")).get("/api/v1/findings/" + volumeId).then()
                .statusCode(404);
    }

    @Test
    void badScanInputIsAProblemAndStartsNothing() {
        given().header("Authorization", finops()).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/findings/scan?profile=aggressive").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("profile"));
        given().header("Authorization", finops()).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/findings/scan?asOf=2999-01-01").then().statusCode(400).body("errors[0].field", equalTo("asOf"));
        given().header("Authorization", bearer(T, "pat", "engineering", "payments")).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/findings/scan").then().statusCode(403);
    }
}
