/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.connections;

import com.azure.storage.blob.BlobContainerClient;
import dev.outlay.support.AzuriteProcess;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tenants' azure-blob connections against Azurite: Cost Management export runs laid out as Azure writes them
 * ({@code <prefix>/<export>/<yyyyMMdd-yyyyMMdd>/<run>/<guid>/…} with a manifest.json), loaded through the poller.
 * The pair loads with billed = the actual file's total and effective = the amortized file's total, to the cent, and
 * reservation/savings plan purchases once; a partitioned export, a rerun (replaces the month) and a re-poll
 * (duplicate). Each refusal (row count, container, expired SAS, missing column, mixed currencies) is a failed
 * ingestion naming what and where, with nothing in the tenant's ledger.
 */
@QuarkusTest
class ConnectionPollAzureTest {

    static final String CONTAINER = "msexports";
    static final String PERIOD = "20240901-20240930";
    static final YearMonth NOW = YearMonth.of(2024, 10); // the poll covers September (exported) and October (no run yet)
    static AzuriteProcess azurite;
    static BlobContainerClient blobs;
    static String validSas;
    static String expiredSas;

    @Inject
    ConnectionPoller poller;

    @ConfigProperty(name = "test.superuser-url")
    String superuserUrl;

    @BeforeAll
    static void exportsInAzurite() throws Exception {
        azurite = AzuriteProcess.start();
        blobs = azurite.container(CONTAINER);
        validSas = azurite.sas(blobs, OffsetDateTime.now().plusHours(2));
        expiredSas = azurite.sas(blobs, OffsetDateTime.now().minusHours(1));
        String amortized = fixture("fixtures/azure/ea-amortized.csv");
        String actual = fixture("fixtures/azure/ea-actual.csv");
        // The pair, amortized partitioned in two blobs (each with its header), first run.
        run("pair", "acme-amortized", "AmortizedCost", "202410011200", split(amortized, 5));
        run("pair", "acme-actual", "ActualCost", "202410011200", List.of(actual));
        // Refusals, each under its own root folder.
        run("count", "acme-amortized", "AmortizedCost", "202410011200", List.of(amortized), 10);
        run("count", "acme-actual", "ActualCost", "202410011200", List.of(actual));
        run("column", "acme-amortized", "AmortizedCost", "202410011200", List.of(amortized.replaceFirst(",ChargeType,", ",ChargeKind,")));
        run("column", "acme-actual", "ActualCost", "202410011200", List.of(actual));
        // Within one blob the row mapper refuses a second currency; across the blobs of a partitioned run the load does.
        List<String> parts = split(amortized, 5);
        run("currency", "acme-amortized", "AmortizedCost", "202410011200", List.of(parts.get(0), parts.get(1).replace(",USD,", ",EUR,")));
        run("currency", "acme-actual", "ActualCost", "202410011200", List.of(actual));
    }

    @AfterAll
    static void stop() {
        if (azurite != null) azurite.close();
    }

    @Test
    void pairLoadsOnceWithBilledFromActualAndEffectiveFromAmortized() throws Exception {
        String tenant = "az-pair";
        String id = create(tenant, "acme-azure", "pair", CONTAINER, Map.of("sasToken", validSas));

        ConnectionPoller.PollResult first = ConnectionPollS3Test.resultFor(id, poller.pollTenant(tenant, NOW, Instant.now()));
        assertEquals("ok", first.status(), first.periods().toString());
        assertTrue(first.periods().get(0).startsWith("2024-09: succeeded"), first.periods().toString());
        assertEquals("2024-10: no-export", first.periods().get(1));
        // Both fixture files sum to 154.4415: billed from the actual export, effective from the amortized one.
        ConnectionPollS3Test.assertMoney("154.4415", scalar(tenant, "sum(billed_cost)", ""));
        ConnectionPollS3Test.assertMoney("154.4415", scalar(tenant, "sum(effective_cost)", ""));
        // 9 amortized rows (over two blobs) + the 2 commitment purchases of the actual export: each purchase once.
        ConnectionPollS3Test.assertMoney("11", scalar(tenant, "count(*)", ""));
        String purchases = " AND charge_category = 'Purchase' AND pricing_category = 'Committed'";
        ConnectionPollS3Test.assertMoney("2", scalar(tenant, "count(*)", purchases));
        ConnectionPollS3Test.assertMoney("135", scalar(tenant, "sum(billed_cost)", purchases));
        ConnectionPollS3Test.assertMoney("0", scalar(tenant, "sum(effective_cost)", purchases));

        ConnectionPoller.PollResult again = ConnectionPollS3Test.resultFor(id, poller.pollTenant(tenant, NOW, Instant.now()));
        assertTrue(again.periods().get(0).startsWith("2024-09: duplicate"), again.periods().toString());
        ConnectionPollS3Test.assertMoney("11", scalar(tenant, "count(*)", ""));

        // Azure re-exports the open month: a newer run of both exports replaces the older one (no double count).
        run("pair", "acme-amortized", "AmortizedCost", "202410021200", List.of(fixture("fixtures/azure/ea-amortized.csv")));
        run("pair", "acme-actual", "ActualCost", "202410021200", List.of(fixture("fixtures/azure/ea-actual.csv")));
        ConnectionPoller.PollResult rerun = ConnectionPollS3Test.resultFor(id, poller.pollTenant(tenant, NOW, Instant.now()));
        assertTrue(rerun.periods().get(0).startsWith("2024-09: succeeded"), rerun.periods().toString());
        ConnectionPollS3Test.assertMoney("11", scalar(tenant, "count(*)", ""));
        ConnectionPollS3Test.assertMoney("154.4415", scalar(tenant, "sum(billed_cost)", ""));
        JsonPath ingestions = given().header("Authorization", bearer(tenant, "fo", "finops_admin")).get("/api/v1/ingestions?source=acme-azure")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(2, ingestions.getList("findAll { it.status == 'succeeded' }").size());
        assertEquals(1, ingestions.getList("findAll { it.status == 'succeeded' && it.supersededBy == null }").size());
        assertTrue(ingestions.getString("find { it.supersededBy == null && it.status == 'succeeded' }.objectKey").contains("202410021200"));

        // Another tenant sees neither the connection nor its rows.
        given().header("Authorization", bearer("az-other", "root", "admin")).get("/api/v1/connections/" + id).then().statusCode(404);
        ConnectionPollS3Test.assertMoney("0", scalar("az-other", "count(*)", ""));
    }

    @Test
    void aBadRerunOfALoadedMonthIsRefusedAndLeavesItsRowsAsTheyWere() throws Exception {
        String tenant = "az-rerun";
        String amortized = fixture("fixtures/azure/ea-amortized.csv");
        String actual = fixture("fixtures/azure/ea-actual.csv");
        run("rerun", "acme-amortized", "AmortizedCost", "202410011200", List.of(amortized));
        run("rerun", "acme-actual", "ActualCost", "202410011200", List.of(actual));
        String id = create(tenant, "acme-azure", "rerun", CONTAINER, Map.of("accountKey", AzuriteProcess.KEY));
        ConnectionPoller.PollResult first = ConnectionPollS3Test.resultFor(id, poller.pollTenant(tenant, NOW, Instant.now()));
        assertTrue(first.periods().get(0).startsWith("2024-09: succeeded"), first.periods().toString());
        ConnectionPollS3Test.assertMoney("11", scalar(tenant, "count(*)", ""));

        // Newer runs that must not replace it: a manifest promising more rows than its blob has, then (newer
        // still) a blob without a required column, then one mixing currencies in the billing account.
        String[][] bad = {{"202410021200", "dataRowCount", "manifest promises 12 data rows"},
                {"202410031200", "ChargeType", "missing mandatory column ChargeType"},
                {"202410041200", "BillingCurrency", "is billed in EUR; a second currency USD"}};
        for (String[] b : bad) {
            String file = switch (b[1]) {
                case "ChargeType" -> amortized.replaceFirst(",ChargeType,", ",ChargeKind,");
                case "BillingCurrency" -> amortized.replaceFirst("(?s)(\n[^\n]*?),USD,", "$1,EUR,");
                default -> amortized;
            };
            run("rerun", "acme-amortized", "AmortizedCost", b[0], List.of(file), b[1].equals("dataRowCount") ? 12 : -1);
            run("rerun", "acme-actual", "ActualCost", b[0], List.of(actual));
            ConnectionPoller.PollResult r = ConnectionPollS3Test.resultFor(id, poller.pollTenant(tenant, NOW, Instant.now()));
            assertTrue(r.periods().get(0).startsWith("2024-09: failed"), b[1] + ": " + r.periods());
            JsonPath failed = given().header("Authorization", bearer(tenant, "fo", "finops_admin"))
                    .get("/api/v1/ingestions?source=acme-azure&status=failed").then().statusCode(200).extract().jsonPath();
            // The newest failure is a problem (RFC 9457 fields) naming what (the field) and where (the blob of this run).
            Map<String, Object> error = failed.getMap("find { it.objectKey.contains('" + b[0] + "') }.error");
            assertTrue(error != null && error.get("title") != null && error.get("status") != null, failed.prettify());
            assertTrue(String.valueOf(error.get("detail")).contains(b[2]), String.valueOf(error));
            assertTrue(String.valueOf(error.get("detail")).contains("azure://devstoreaccount1/" + CONTAINER + "/rerun/acme-amortized/" + PERIOD + "/" + b[0]),
                    "the problem does not say where: " + error);
            assertTrue(String.valueOf(error).contains(b[1]), "the problem does not name the field: " + error);
            // The month's rows are the first run's, unchanged.
            ConnectionPollS3Test.assertMoney("11", scalar(tenant, "count(*)", ""));
            ConnectionPollS3Test.assertMoney("154.4415", scalar(tenant, "sum(billed_cost)", ""));
            ConnectionPollS3Test.assertMoney("154.4415", scalar(tenant, "sum(effective_cost)", ""));
        }

        // The connection later pointed at a container that does not exist, then given an expired SAS: refused the same way.
        Object[][] moved = {{"no-such-exports", Map.of("accountKey", AzuriteProcess.KEY), "container 'no-such-exports' does not exist"},
                {CONTAINER, Map.of("sasToken", expiredSas), "the SAS token expired at"}};
        for (Object[] m : moved) {
            Map<String, Object> config = Map.of("storageAccount", AzuriteProcess.ACCOUNT, "endpoint", azurite.endpoint(), "container", m[0],
                    "prefix", "/rerun/", "actualExport", "acme-actual", "amortizedExport", "acme-amortized");
            given().header("Authorization", bearer(tenant, "root", "admin")).contentType(ContentType.JSON)
                    .body(Map.of("name", "acme-azure", "kind", "azure-blob", "config", config, "credentials", m[1]))
                    .put("/api/v1/connections/" + id).then().statusCode(200);
            ConnectionPoller.PollResult r = ConnectionPollS3Test.resultFor(id, poller.pollTenant(tenant, NOW, Instant.now()));
            assertTrue(r.periods().get(0).startsWith("2024-09: failed"), m[2] + ": " + r.periods());
            List<Map<String, Object>> errors = given().header("Authorization", bearer(tenant, "fo", "finops_admin"))
                    .get("/api/v1/ingestions?source=acme-azure&status=failed").then().statusCode(200).extract().jsonPath().getList("error");
            assertEquals(1, errors.stream().filter(e -> e.get("title") != null && String.valueOf(e.get("detail")).contains((String) m[2])
                    && String.valueOf(e.get("detail")).contains("azure://devstoreaccount1/" + m[0] + "/rerun/acme-amortized/" + PERIOD + "/")).count(),
                    errors.toString());
            ConnectionPollS3Test.assertMoney("11", scalar(tenant, "count(*)", ""));
            ConnectionPollS3Test.assertMoney("154.4415", scalar(tenant, "sum(billed_cost)", ""));
        }
    }

    @Test
    void manifestRowCountThatDoesNotMatchIsRefused() throws Exception {
        refused("az-count", "count", CONTAINER, Map.of("accountKey", AzuriteProcess.KEY), "dataRowCount", "manifest promises 10 data rows");
    }

    @Test
    void missingRequiredColumnIsRefused() throws Exception {
        refused("az-column", "column", CONTAINER, Map.of("accountKey", AzuriteProcess.KEY), "ChargeType", "missing mandatory column ChargeType");
    }

    @Test
    void mixedCurrenciesInOneBillingProfileAreRefused() throws Exception {
        refused("az-currency", "currency", CONTAINER, Map.of("accountKey", AzuriteProcess.KEY), "BillingCurrency", "billing account 8611537 is billed in EUR here but in USD");
    }

    @Test
    void wrongContainerIsRefused() throws Exception {
        refused("az-container", "pair", "no-such-exports", Map.of("accountKey", AzuriteProcess.KEY), null, "container 'no-such-exports' does not exist");
    }

    @Test
    void expiredSasIsRefused() throws Exception {
        refused("az-sas", "pair", CONTAINER, Map.of("sasToken", expiredSas), null, "the SAS token expired at");
    }

    @Test
    void badSettingsAndCredentialsAreProblemsNamingTheField() {
        Map<String, Object> config = new LinkedHashMap<>(Map.of("storageAccount", "Not_An_Account", "container", CONTAINER, "dataset", "actual-amortized",
                "actualExport", "a"));
        given().header("Authorization", bearer("az-bad", "root", "admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "bad", "kind", "azure-blob", "config", config, "credentials", Map.of("sasToken", "not-a-sas")))
                .post("/api/v1/connections").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("config.storageAccount", "config.amortizedExport", "credentials.sasToken"));
        given().header("Authorization", bearer("az-bad", "root", "admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "bad", "kind", "azure-blob", "config", Map.of("storageAccount", "acme", "container", CONTAINER, "actualExport", "a",
                        "amortizedExport", "b"), "credentials", Map.of("sasToken", validSas, "accountKey", AzuriteProcess.KEY)))
                .post("/api/v1/connections").then().statusCode(422).body("errors[0].field", equalTo("credentials"));
        // A service principal is checked for shape (it cannot be exercised against Azurite).
        given().header("Authorization", bearer("az-bad", "root", "admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "sp", "kind", "azure-blob", "config", Map.of("storageAccount", "acme", "container", CONTAINER, "actualExport", "a",
                        "amortizedExport", "b"), "credentials", Map.of("tenantId", "nope", "clientId", "00000000-0000-4000-8000-000000000001", "clientSecret", "s")))
                .post("/api/v1/connections").then().statusCode(422).body("errors[0].field", equalTo("credentials.tenantId"));
        String created = given().header("Authorization", bearer("az-bad", "root", "admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "sp", "kind", "azure-blob", "enabled", false, "config", Map.of("storageAccount", "acme", "container", CONTAINER,
                        "actualExport", "a", "amortizedExport", "b"), "credentials", Map.of("tenantId", "00000000-0000-4000-8000-00000000000a",
                        "clientId", "00000000-0000-4000-8000-000000000001", "clientSecret", "s3cr3t-value")))
                .post("/api/v1/connections").then().statusCode(201).body("credentials.credential", equalTo("***"))
                .body("config.dataset", equalTo("actual-amortized")).extract().asString();
        assertTrue(!created.contains("s3cr3t-value"), "the secret came back: " + created);
    }

    private void refused(String tenant, String prefix, String container, Map<String, String> credentials, String column, String says) throws Exception {
        String id = create(tenant, "acme-azure", prefix, container, credentials);
        ConnectionPoller.PollResult r = ConnectionPollS3Test.resultFor(id, poller.pollTenant(tenant, NOW, Instant.now()));
        assertEquals("failed", r.status(), r.periods().toString());
        assertTrue(r.periods().get(0).startsWith("2024-09: failed"), r.periods().toString());
        JsonPath failed = given().header("Authorization", bearer(tenant, "fo", "finops_admin")).get("/api/v1/ingestions?source=acme-azure&status=failed")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(failed.getList("$").size() >= 1, "no failed ingestion recorded");
        String detail = failed.getString("[0].error.detail");
        assertTrue(detail.contains(says), detail);
        assertTrue(detail.contains("azure://devstoreaccount1/" + container), "the problem does not say where: " + detail);
        if (column != null) assertTrue(failed.getString("[0].error.errors[0].field").contains(column), failed.prettify());
        ConnectionPollS3Test.assertMoney("0", scalar(tenant, "count(*)", ""));
        given().header("Authorization", bearer(tenant, "fo", "finops_admin")).get("/api/v1/connections/" + id).then().statusCode(200)
                .body("lastPoll.status", equalTo("failed")).body("lastPoll.detail", containsString("2024-09: failed"));
    }

    private String create(String tenant, String name, String prefix, String container, Map<String, String> credentials) {
        Map<String, Object> config = Map.of("storageAccount", AzuriteProcess.ACCOUNT, "endpoint", azurite.endpoint(), "container", container,
                "prefix", "/" + prefix + "/", "actualExport", "acme-actual", "amortizedExport", "acme-amortized");
        return given().header("Authorization", bearer(tenant, "root", "admin")).contentType(ContentType.JSON)
                .body(Map.of("name", name, "kind", "azure-blob", "config", config, "credentials", credentials))
                .post("/api/v1/connections").then().statusCode(201).extract().path("id");
    }

    /** Uploads one export run: its data blobs under a GUID folder, and a manifest listing them with their row counts. */
    static void run(String prefix, String export, String type, String runTime, List<String> parts) {
        run(prefix, export, type, runTime, parts, -1);
    }

    static void run(String prefix, String export, String type, String runTime, List<String> parts, long claimedRows) {
        String folder = prefix + "/" + export + "/" + PERIOD + "/" + runTime;
        String guid = "6f1d1e3a-0000-4000-8000-" + runTime;
        StringBuilder blobList = new StringBuilder();
        long total = 0;
        for (int i = 0; i < parts.size(); i++) {
            String name = folder + "/" + guid + "/part_0_000" + (i + 1) + ".csv";
            byte[] bytes = parts.get(i).getBytes(StandardCharsets.UTF_8);
            azurite.put(blobs, name, bytes);
            long rows = claimedRows >= 0 ? claimedRows : parts.get(i).lines().count() - 1;
            total += rows;
            blobList.append(i == 0 ? "" : ",").append("{\"blobName\":\"").append(name).append("\",\"byteCount\":").append(bytes.length)
                    .append(",\"dataRowCount\":").append(rows).append('}');
        }
        String manifest = "{\"manifestVersion\":\"2024-04-01\",\"byteCount\":0,\"blobCount\":" + parts.size() + ",\"dataRowCount\":" + total
                + ",\"exportConfig\":{\"exportName\":\"" + export + "\",\"resourceId\":\"/providers/Microsoft.Billing/billingAccounts/8611537\","
                + "\"dataVersion\":\"2021-10-01\",\"apiVersion\":\"2023-07-01-preview\",\"type\":\"" + type + "\",\"timeFrame\":\"MonthToDate\","
                + "\"granularity\":\"Daily\"},\"deliveryConfig\":{\"partitionData\":" + (parts.size() > 1) + ",\"dataOverwriteBehavior\":\"CreateNewReport\","
                + "\"fileFormat\":\"Csv\",\"compressionMode\":\"None\",\"containerUri\":\"/msexports\",\"rootFolderPath\":\"" + prefix + "\"},"
                + "\"runInfo\":{\"executionType\":\"Scheduled\",\"submittedTime\":\"2024-10-01T12:00:00Z\",\"runId\":\"" + guid
                + "\",\"startDate\":\"2024-09-01T00:00:00\",\"endDate\":\"2024-09-30T00:00:00\"},\"blobs\":[" + blobList + "]}";
        azurite.put(blobs, folder + "/" + guid + "/manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
    }

    /** The file cut after {@code firstRows} data rows into two parts, each with the header (as partitioned exports are). */
    static List<String> split(String csv, int firstRows) {
        List<String> lines = new ArrayList<>(Arrays.asList(csv.split("\r?\n")));
        String header = lines.remove(0);
        List<String> parts = new ArrayList<>();
        parts.add(header + "\n" + String.join("\n", lines.subList(0, firstRows)) + "\n");
        parts.add(header + "\n" + String.join("\n", lines.subList(firstRows, lines.size())) + "\n");
        return parts;
    }

    static String fixture(String path) throws Exception {
        return new String(ConnectionPollS3Test.fixture(path), StandardCharsets.UTF_8);
    }

    private BigDecimal scalar(String tenant, String expression, String where) throws Exception {
        try (Connection c = DriverManager.getConnection(superuserUrl);
             PreparedStatement ps = c.prepareStatement("SELECT coalesce(" + expression + ", 0) FROM outlay.ledger_charge WHERE tenant_id = ?" + where)) {
            ps.setString(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        }
    }
}
