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

        given().header("Authorization", admin).contentType(ContentType.JSON).body(Map.of("confirmationToken", token))
                .post("/api/v1/tenant/delete").then().statusCode(202).body("status", equalTo("scheduled"));
        assertTrue(deletion.purgeDue().contains("doomed"));

        Map<String, Long> left = rowsOf("doomed");
        left.values().removeIf(n -> n == 0);
        assertTrue(left.isEmpty(), "rows of the deleted tenant remain: " + left);
        assertTrue(rowsOf("survivor").get("outlay.app_user") > 0, "another tenant's rows were touched");
        try (Connection c = DriverManager.getConnection(superuserUrl); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT row_counts FROM outlay.tenant_tombstone WHERE tenant_id = 'doomed'")) {
            assertTrue(rs.next(), "tombstone missing");
            assertTrue(rs.getString(1).contains("app_user"));
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
