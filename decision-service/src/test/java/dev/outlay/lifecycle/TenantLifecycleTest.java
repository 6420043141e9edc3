/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class TenantLifecycleTest {

    @Inject
    TenantDeletion deletion;

    @ConfigProperty(name = "test.superuser-url")
    String superuserUrl;

    @Test
    void exportHoldsTheTenantsRowsWithVerifiableChecksums() throws Exception {
        given().header("Authorization", bearer("exp-a", "alice-exp", "engineering")).get("/api/v1/me").then().statusCode(200);
        given().header("Authorization", bearer("exp-b", "bob-exp", "engineering")).get("/api/v1/me").then().statusCode(200);
        given().header("Authorization", bearer("exp-a", "eng", "engineering")).post("/api/v1/tenant/export").then().statusCode(403);
        String ingestion = given().header("Authorization", bearer("exp-a", "fo", "finops_admin")).multiPart("source", "invoice-csv")
                .multiPart("file", "invoice.csv", dev.outlay.security.IsolationFixtures.INVOICE.getBytes(), "text/csv")
                .multiPart("mapping", dev.outlay.security.IsolationFixtures.MAPPING)
                .post("/api/v1/ingestions").then().statusCode(202).extract().path("id");
        for (int i = 0; i < 600; i++) {
            String status = given().header("Authorization", bearer("exp-a", "fo", "finops_admin")).get("/api/v1/ingestions/" + ingestion)
                    .then().extract().path("status");
            if (!status.equals("queued") && !status.equals("running")) break;
            Thread.sleep(100);
        }

        byte[] zip = given().header("Authorization", bearer("exp-a", "root-a", "admin"))
                .post("/api/v1/tenant/export").then().statusCode(200).contentType("application/zip")
                .extract().asByteArray();
        Map<String, byte[]> files = unzip(zip);
        JsonNode manifest = new ObjectMapper().readTree(files.get("manifest.json"));
        assertEquals("exp-a", manifest.get("tenant").asText());
        assertTrue(manifest.get("auditChain").get("valid").asBoolean());
        for (JsonNode f : manifest.get("files")) {
            byte[] content = files.get(f.get("path").asText());
            assertEquals(f.get("sha256").asText(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        }
        String users = new String(files.get("tables/app_user.csv"), StandardCharsets.UTF_8);
        assertTrue(users.contains("alice-exp"));
        assertFalse(users.contains("bob-exp"));
        String focus = new String(files.get("focus/2024-10.csv"), StandardCharsets.UTF_8);
        assertTrue(focus.startsWith("AvailabilityZone,BilledCost,"), "ledger exported as FOCUS");
        assertTrue(focus.contains("CRM Cloud"));
        String audit = new String(files.get("tables/audit_entry.csv"), StandardCharsets.UTF_8);
        assertTrue(audit.contains("tenant.export"));
    }

    @Test
    void deletionNeedsAdminAndTokenThenRemovesEveryRowOfTheTenantOnly() throws Exception {
        given().header("Authorization", bearer("doomed", "dana", "engineering")).get("/api/v1/me").then().statusCode(200);
        given().header("Authorization", bearer("survivor", "sam", "engineering")).get("/api/v1/me").then().statusCode(200);
        String admin = bearer("doomed", "root-d", "admin");

        given().header("Authorization", bearer("doomed", "dana", "engineering")).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/tenant/delete").then().statusCode(403);
        given().header("Authorization", admin).contentType(ContentType.JSON).body("{\"confirmationToken\":\"x\"}")
                .post("/api/v1/tenant/delete").then().statusCode(409);
        String token = given().header("Authorization", admin).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/tenant/delete").then().statusCode(202).body("confirmationToken", notNullValue())
                .extract().path("confirmationToken");
        given().header("Authorization", admin).contentType(ContentType.JSON).body("{\"confirmationToken\":\"wrong\"}")
                .post("/api/v1/tenant/delete").then().statusCode(403);
        assertTrue(rowsOf("doomed").values().stream().anyMatch(n -> n > 0), "nothing to delete: test is void");
        startProcesses("doomed");
        startProcesses("survivor");
        Map<String, Long> kogito = kogitoRowsOf("doomed");
        assertTrue(kogito.get("process_instances") > 0 && kogito.get("jbpm_user_tasks") > 0,
                "the tenant has no live process instance or task: the Kogito part of the test is void " + kogito + " " + taskMetadataSample());
        List<String> survivorProcesses = processesOf("survivor");

        given().header("Authorization", admin).contentType(ContentType.JSON).body(Map.of("confirmationToken", token))
                .post("/api/v1/tenant/delete").then().statusCode(202).body("status", equalTo("scheduled"));
        assertTrue(deletion.purgeDue().contains("doomed"));

        Map<String, Long> left = rowsOf("doomed");
        left.values().removeIf(n -> n == 0);
        assertTrue(left.isEmpty(), "rows of the deleted tenant remain: " + left);
        assertTrue(rowsOf("survivor").get("outlay.app_user") > 0, "another tenant's rows were touched");
        List<String> tasksLeft = new ArrayList<>(doomedTasks);
        tasksLeft.addAll(tasksOf(doomedProcesses)); // escalation timers may have opened tasks after the first look
        Map<String, Long> kogitoLeft = kogitoRows(doomedProcesses, tasksLeft);
        kogitoLeft.values().removeIf(n -> n == 0);
        assertTrue(kogitoLeft.isEmpty(), "Kogito rows of the deleted tenant remain: " + kogitoLeft);
        assertEquals((long) survivorProcesses.size(), kogitoRows(survivorProcesses, tasksOf(survivorProcesses)).get("process_instances").longValue(),
                "another tenant's process instances were touched");
        try (Connection c = DriverManager.getConnection(superuserUrl); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT row_counts FROM outlay.tenant_tombstone WHERE tenant_id = 'doomed'")) {
            assertTrue(rs.next(), "tombstone missing");
            assertTrue(rs.getString(1).contains("app_user"));
        }
    }

    private List<String> doomedProcesses = List.of();
    private List<String> doomedTasks = List.of();

    /** A spend request that escalates to an approval task, and a policy violation in triage: live Kogito state. */
    private static void startProcesses(String tenant) {
        given().header("Authorization", bearer(tenant, "pat", "platform")).contentType(ContentType.JSON)
                .body(Map.of("resourceClass", "gpu", "environment", "dev", "amount", 900, "currency", "USD",
                        "owner", "ml", "description", "tenant delete"))
                .post("/api/v1/spend-requests").then().statusCode(201);
        given().header("Authorization", bearer(tenant, "fo", "finops_admin")).contentType(ContentType.JSON)
                .body(Map.of("owner", "team-ml", "resourceClass", "standard", "environment", "prod", "amount", 7000,
                        "evidence", Map.of("resourceId", "i-123", "day", "2024-10-20")))
                .post("/api/v1/violations").then().statusCode(201);
    }

    private List<String> processesOf(String tenant) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(superuserUrl); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT process_instance_id FROM outlay.spend_request WHERE tenant_id = '" + tenant
                     + "' AND process_instance_id IS NOT NULL UNION SELECT process_instance_id FROM outlay.policy_violation WHERE tenant_id = '"
                     + tenant + "' AND process_instance_id IS NOT NULL")) {
            while (rs.next()) ids.add(rs.getString(1));
        }
        return ids;
    }

    private Map<String, Long> kogitoRowsOf(String tenant) throws SQLException {
        doomedProcesses = processesOf(tenant);
        doomedTasks = tasksOf(doomedProcesses);
        return kogitoRows(doomedProcesses, doomedTasks);
    }

    private List<String> tasksOf(List<String> processes) throws SQLException {
        List<String> taskIds = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(superuserUrl); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT task_id FROM public.jbpm_user_tasks_metadata WHERE metadata_name = 'ProcessInstanceId' "
                     + "AND btrim(metadata_value, '\"') IN (" + quoted(processes) + ")")) {
            while (rs.next()) taskIds.add(rs.getString(1));
        }
        return taskIds;
    }

    private String taskMetadataSample() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(superuserUrl); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT task_id, metadata_name, metadata_value FROM public.jbpm_user_tasks_metadata LIMIT 12")) {
            while (rs.next()) rows.add(rs.getString(1) + " " + rs.getString(2) + "=" + rs.getString(3));
        }
        return rows.toString();
    }

    private static String quoted(List<String> ids) {
        return ids.isEmpty() ? "''" : "'" + String.join("','", ids) + "'";
    }

    /**
     * Kogito's rows (schema public, no tenant column) that belong to the given process instances: the instances,
     * their correlations, their user tasks with every child row, and timer jobs naming an instance or a task.
     */
    private Map<String, Long> kogitoRows(List<String> processes, List<String> taskIds) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        String ids = quoted(processes);
        String taskList = quoted(taskIds);
        try (Connection c = DriverManager.getConnection(superuserUrl); Statement st = c.createStatement()) {
            counts.put("process_instances", count(st, "SELECT count(*) FROM public.process_instances WHERE id IN (" + ids + ")"));
            counts.put("correlation_instances", count(st, "SELECT count(*) FROM public.correlation_instances WHERE correlated_id IN (" + ids + ")"));
            counts.put("jbpm_user_tasks", count(st, "SELECT count(*) FROM public.jbpm_user_tasks WHERE id IN (" + taskList + ")"));
            List<String> children = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' "
                    + "AND table_name LIKE 'jbpm_user_tasks_%' AND column_name = 'task_id'")) {
                while (rs.next()) children.add(rs.getString(1));
            }
            for (String child : children) {
                counts.put(child, count(st, "SELECT count(*) FROM public." + child + " WHERE task_id IN (" + taskList + ")"));
            }
            StringBuilder jobs = new StringBuilder("SELECT count(*) FROM public.job_details WHERE false");
            for (String id : processes) jobs.append(" OR recipient::text LIKE '%").append(id).append("%'");
            for (String id : taskIds) jobs.append(" OR recipient::text LIKE '%").append(id).append("%'");
            counts.put("job_details", count(st, jobs.toString()));
        }
        return counts;
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Rows per table for a tenant, over every table of every schema that has a tenant_id column (superuser: no RLS). */
    private Map<String, Long> rowsOf(String tenant) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Connection c = DriverManager.getConnection(superuserUrl); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("""
                    SELECT table_schema || '.' || table_name FROM information_schema.columns
                    WHERE column_name = 'tenant_id' AND table_schema NOT IN ('pg_catalog', 'information_schema')
                      AND table_name NOT IN ('tenant_tombstone')""")) {
                while (rs.next()) tables.add(rs.getString(1));
            }
            for (String t : tables) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + t + " WHERE tenant_id = '" + tenant + "'")) {
                    rs.next();
                    counts.put(t, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) files.put(e.getName(), in.readAllBytes());
        }
        return files;
    }
}
