/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class CompliancePackTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "test.superuser-url")
    String superuserUrl;

    @Test
    void packHashesVerifyCoverEveryTenantTableAndRepeatByteForByte() throws Exception {
        Instant from = Instant.now().minus(1, ChronoUnit.DAYS);
        // Audited actions of two tenants: an export each, by actors whose names must stay in their own tenant.
        given().header("Authorization", bearer("cp-a", "alice-cp-a", "admin")).post("/api/v1/tenant/export").then().statusCode(200);
        given().header("Authorization", bearer("cp-b", "bob-cp-b", "admin")).post("/api/v1/tenant/export").then().statusCode(200);
        Instant to = Instant.now();

        byte[] zip = pack("cp-a", "ada-cp-a", from.toString(), to.toString());
        Map<String, byte[]> files = unzip(zip);
        List<String> order = new ArrayList<>(files.keySet());
        assertEquals("manifest.json", order.get(0));
        assertEquals("PACK.sha256", order.get(1));

        byte[] manifestBytes = files.get("manifest.json");
        JsonNode manifest = JSON.readTree(manifestBytes);
        assertEquals("outlay-compliance-pack/1", manifest.get("format").asText());
        assertEquals("cp-a", manifest.get("inputs").get("tenantId").asText());
        assertEquals(to.truncatedTo(ChronoUnit.MICROS).toString(), manifest.get("inputs").get("to").asText());
        assertEquals(sha256(manifestBytes) + "  manifest.json\n", new String(files.get("PACK.sha256"), StandardCharsets.UTF_8));
        List<String> listed = new ArrayList<>();
        for (JsonNode f : manifest.get("files")) {
            String name = f.get("name").asText();
            listed.add(name);
            assertNotNull(files.get(name), name + " is listed but absent");
            assertEquals(f.get("sha256").asText(), sha256(files.get(name)), "hash of " + name);
            assertEquals(f.get("bytes").asLong(), files.get(name).length, "size of " + name);
        }
        assertEquals(order.subList(2, order.size()), listed, "every file but the manifest and its hash is listed, in zip order");
        for (String expected : List.of("controls.json", "evidence/rbac-matrix.md", "evidence/rls-coverage.json",
                "evidence/isolation-test-run.json", "evidence/audit-chain-verification.json", "evidence/audit-log.csv",
                "evidence/retention-settings.json", "evidence/slos.md", "evidence/incident-response.md")) {
            assertTrue(files.containsKey(expected), expected);
        }

        // Row-level security: every tenant-owned table of the catalog, each enforced.
        JsonNode rls = JSON.readTree(files.get("evidence/rls-coverage.json"));
        List<String> inPack = new ArrayList<>();
        rls.get("tables").forEach(t -> {
            inPack.add(t.get("table").asText());
            assertTrue(t.get("enforced").asBoolean(), t.toString());
        });
        assertEquals(tenantTablesFromCatalog(), inPack);
        assertEquals(0, rls.get("gaps").size());
        assertFalse(rls.get("serviceRole").get("bypassRls").asBoolean());

        JsonNode controls = JSON.readTree(files.get("controls.json"));
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        controls.forEach(c -> byId.put(c.get("id").asText(), c));
        assertEquals("evidenced", byId.get("OUT-AC-02").get("status").asText());
        assertEquals("evidenced", byId.get("OUT-AU-01").get("status").asText());
        // No isolation report is configured in tests: the pack says so rather than inventing a run.
        assertEquals("not recorded", byId.get("OUT-AC-03").get("status").asText());
        assertEquals("not recorded", JSON.readTree(files.get("evidence/isolation-test-run.json")).get("status").asText());
        for (JsonNode c : controls) {
            for (JsonNode ev : c.get("evidence")) assertTrue(files.containsKey(ev.asText()), c.get("id") + " names " + ev);
        }

        JsonNode verification = JSON.readTree(files.get("evidence/audit-chain-verification.json"));
        assertTrue(verification.get("valid").asBoolean());
        String audit = new String(files.get("evidence/audit-log.csv"), StandardCharsets.UTF_8);
        assertTrue(audit.startsWith("seq,at,actor,action,"));
        assertTrue(audit.contains("alice-cp-a") && audit.contains("tenant.export"), audit);

        // The first generation was audited (after the window): the same window gives the same bytes.
        byte[] again = pack("cp-a", "ada-cp-a", from.toString(), to.toString());
        assertArrayEquals(zip, again, "same window and state, same bytes");
        try (Connection c = DriverManager.getConnection(superuserUrl); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM outlay.audit_entry WHERE tenant_id = 'cp-a' AND action = 'compliance.pack'")) {
            rs.next();
            assertEquals(2, rs.getInt(1));
        }
    }

    @Test
    void aSecondTenantsPackHoldsNothingOfTheFirst() throws Exception {
        Instant from = Instant.now().minus(1, ChronoUnit.HOURS);
        given().header("Authorization", bearer("cpi-a", "secret-actor-of-a", "admin")).post("/api/v1/tenant/export").then().statusCode(200);
        given().header("Authorization", bearer("cpi-b", "actor-of-b", "admin")).post("/api/v1/tenant/export").then().statusCode(200);
        Instant to = Instant.now();
        Map<String, byte[]> files = unzip(pack("cpi-b", "auditor-b", from.toString(), to.toString()));
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            String text = new String(f.getValue(), StandardCharsets.UTF_8);
            assertFalse(text.contains("cpi-a"), f.getKey() + " names the other tenant");
            assertFalse(text.contains("secret-actor-of-a"), f.getKey() + " holds the other tenant's audit");
        }
        assertTrue(new String(files.get("evidence/audit-log.csv"), StandardCharsets.UTF_8).contains("actor-of-b"));
    }

    @Test
    void aBadWindowIsAProblemAndRecordsNothing() throws Exception {
        String tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).toString();
        Object[][] cases = {
                {"{\"to\":\"2026-01-02\"}", "from"},
                {"{\"from\":\"2026-01-01\"}", "to"},
                {"{\"from\":\"2026-13-01\",\"to\":\"2026-01-02\"}", "from"},
                {"{\"from\":\"2026-01-02\",\"to\":\"2026-01-01\"}", "from"},
                {"{\"from\":\"2026-01-01\",\"to\":\"" + tomorrow + "\"}", "to"},
                {"{\"from\":\"2024-01-01\",\"to\":\"2026-01-01\"}", "to"},
        };
        for (Object[] c : cases) {
            given().header("Authorization", bearer("cp-bad", "ada", "auditor")).contentType(ContentType.JSON).body(c[0])
                    .post("/api/v1/compliance/pack").then().statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("errors[0].field", equalTo(c[1]));
        }
        given().header("Authorization", bearer("cp-bad", "ada", "auditor")).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/compliance/pack").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("from"));
        given().header("Authorization", bearer("cp-bad", "fo", "finops_admin")).contentType(ContentType.JSON)
                .body("{\"from\":\"2026-01-01\",\"to\":\"2026-01-02\"}").post("/api/v1/compliance/pack").then().statusCode(403);
        try (Connection c = DriverManager.getConnection(superuserUrl); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM outlay.audit_entry WHERE tenant_id = 'cp-bad' AND action = 'compliance.pack'")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "a refused request records nothing");
        }
    }

    private static byte[] pack(String tenant, String subject, String from, String to) {
        return given().header("Authorization", bearer(tenant, subject, "auditor")).contentType(ContentType.JSON)
                .body("{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}")
                .post("/api/v1/compliance/pack").then().statusCode(200).contentType("application/zip")
                .extract().asByteArray();
    }

    private List<String> tenantTablesFromCatalog() throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(superuserUrl); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT cl.relname FROM pg_class cl JOIN pg_namespace n ON n.oid = cl.relnamespace
                WHERE n.nspname = 'outlay' AND cl.relkind IN ('r', 'p') AND NOT cl.relispartition
                  AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = cl.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
                  AND cl.relname NOT IN ('tenant', 'tenant_tombstone', 'tenant_deletion', 'work_claim')
                ORDER BY cl.relname""")) {
            while (rs.next()) out.add(rs.getString(1));
        }
        assertTrue(out.size() > 20, "the schema is migrated: " + out);
        return out;
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) out.put(e.getName(), in.readAllBytes());
        }
        return out;
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
