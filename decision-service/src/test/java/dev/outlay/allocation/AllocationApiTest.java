/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.allocation;

import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Allocation over a ledger with tag-key variants, tax, credits, a purchase and negative rows: conservation to the cent. */
@QuarkusTest
class AllocationApiTest {

    static final String TENANT = "alloc-a";
    static final String PERIOD = "2024-10";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    InterruptedAllocationRuns interrupted;

    private static String admin() {
        return bearer(TENANT, "alloc-admin", "finops_admin");
    }
    private static boolean loaded;

    @BeforeEach
    synchronized void loadLedgerOnce() throws Exception {
        if (loaded) return;
        ingest(admin(), fixture());
        loaded = true;
    }

    static byte[] fixture() throws IOException {
        try (InputStream in = AllocationApiTest.class.getResourceAsStream("/fixtures/allocation/focus-2024-10-owners.csv")) {
            return in.readAllBytes();
        }
    }

    static void ingest(String auth, byte[] csv) throws InterruptedException {
        String id = given().header("Authorization", auth).multiPart("source", "focus")
                .multiPart("file", "focus-2024-10-owners.csv", csv, "text/csv")
                .post("/api/v1/ingestions").then().statusCode(202).extract().path("id");
        long deadline = System.currentTimeMillis() + 60_000;
        String status;
        do {
            Thread.sleep(100);
            status = given().header("Authorization", auth).get("/api/v1/ingestions/" + id).then().statusCode(200).extract().path("status");
        } while ((status.equals("queued") || status.equals("running")) && System.currentTimeMillis() < deadline);
        assertEquals("succeeded", status);
    }

    /** Polls a run until it leaves queued/running; every state it passed through is checked to be a known one. */
    static JsonPath awaitRun(String auth, String id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            String body = given().header("Authorization", auth).get("/api/v1/allocations/runs/" + id).then().statusCode(200).extract().asString();
            JsonPath run = exact(body);
            String status = run.getString("status");
            assertTrue(List.of("queued", "running", "succeeded", "failed").contains(status), status);
            if (!status.equals("queued") && !status.equals("running")) return run;
            if (System.currentTimeMillis() > deadline) throw new AssertionError("run " + id + " still " + status);
            Thread.sleep(100);
        }
    }

    static String startRun(String auth, String period) {
        return given().header("Authorization", auth).contentType(ContentType.JSON).body(Map.of("billingPeriod", period))
                .post("/api/v1/allocations/runs").then().statusCode(202)
                .body("status", org.hamcrest.Matchers.oneOf("queued", "running"))
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/allocations/runs/"))
                .extract().path("id");
    }

    private BigDecimal ledgerTotal() {
        return TenantContext.runAs(TenantContext.system(TENANT), () -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT sum(effective_cost) FROM outlay.ledger_charge WHERE billing_period = DATE '2024-10-01'");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** RestAssured reads JSON numbers as floats by default; money must stay exact. */
    private static JsonPath exact(String body) {
        return JsonPath.from(body).using(new io.restassured.path.json.config.JsonPathConfig(
                io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static BigDecimal sum(List<Map<String, Object>> rows, String field) {
        return rows.stream().map(r -> new BigDecimal(r.get(field).toString())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void simulationConservesEveryCentAndNamesTheUnallocatedSpend() {
        JsonPath sim = exact(given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(Map.of("billingPeriod", PERIOD)).post("/api/v1/allocations/simulate")
                .then().statusCode(200).extract().asString());
        BigDecimal total = ledgerTotal();
        assertEquals(0, new BigDecimal("215.1834567890").compareTo(total), "fixture total");
        assertEquals("EUR", sim.getString("currencies[0].currency"));
        assertEquals(1, sim.getList("currencies").size(), "the fixture is billed in EUR only");
        assertEquals(0, total.compareTo(sim.getObject("currencies[0].total", BigDecimal.class)));
        List<Map<String, Object>> teams = sim.getList("totals.team");
        assertEquals(0, total.compareTo(sum(teams, "totalCost")), "team totals must add up to the ledger: " + teams);
        Map<String, Object> payments = teams.stream().filter(t -> t.get("team").equals("payments")).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("150.6234567890").compareTo(new BigDecimal(payments.get("totalCost").toString())),
                "Team/user:team/'payments ' are one owner");
        Map<String, Object> unallocated = teams.stream().filter(t -> t.get("team").equals("unallocated")).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("12.34").compareTo(new BigDecimal(unallocated.get("totalCost").toString())));
        assertEquals("vm-lost-1", sim.getString("topUnallocated[0].exampleResources[0]"));
    }

    @Test
    void aDraftThatSharesTaxSplitsItOverUsageOwnersExactly() throws IOException {
        String xml;
        try (InputStream in = getClass().getResourceAsStream("/rulesets/allocation/Allocation.dmn")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String draft = xml.replaceFirst("<text>\"finance\"</text>", "<text>\"shared\"</text>");
        assertNotEquals(xml, draft);
        String hash = given().header("Authorization", admin()).contentType("application/xml").body(draft)
                .post("/api/v1/rulesets/allocation/versions?note=share%20tax").then().statusCode(201)
                .extract().path("hash");
        JsonPath sim = exact(given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(Map.of("billingPeriod", PERIOD, "version", hash)).post("/api/v1/allocations/simulate")
                .then().statusCode(200).body("versionHash", equalTo(hash)).extract().asString());
        List<Map<String, Object>> teams = sim.getList("totals.team");
        assertEquals(0, ledgerTotal().compareTo(sum(teams, "totalCost")), "conservation with splits: " + teams);
        assertEquals(0, new BigDecimal("8.88").compareTo(sum(teams, "sharedCost")), "the tax pool is split completely");
        assertTrue(teams.stream().noneMatch(t -> t.get("team").equals("shared")));
    }

    @Test
    void runsAreObservableIdempotentSupersedeAndStayQueryable() throws InterruptedException {
        String first = startRun(admin(), PERIOD);
        JsonPath done = awaitRun(admin(), first);
        assertEquals("succeeded", done.getString("status"));
        assertNotNull(done.getString("versionHash"));
        int groups = done.getInt("progress.groupsTotal");
        assertTrue(groups > 0);
        assertEquals(groups, done.getInt("progress.groupsEvaluated"));
        assertEquals(8, done.getLong("progress.rowsApplied"), "every ledger row of the period is applied");
        assertNull(done.get("problem"));
        String second = startRun(admin(), PERIOD);
        assertEquals("succeeded", awaitRun(admin(), second).getString("status"));
        String reader = bearer(TENANT, "fin", "finance");
        String csv1 = given().header("Authorization", reader).get("/api/v1/allocations/runs/" + first + "/results?groupBy=team,product,environment&format=csv")
                .then().statusCode(200).extract().asString();
        String csv2 = given().header("Authorization", reader).get("/api/v1/allocations/runs/" + second + "/results?groupBy=team,product,environment&format=csv")
                .then().statusCode(200).extract().asString();
        assertEquals(csv1, csv2, "same ledger and version give identical statements");
        // The CSV is for people: every amount in cents, and the EUR total line is the ledger's exact total rounded.
        List<String> totalLines = csv1.lines().filter(l -> l.startsWith("total,")).toList();
        assertEquals(1, totalLines.size(), csv1);
        assertEquals("215.18", totalLines.get(0).substring(totalLines.get(0).lastIndexOf(',') + 1), "chargeback CSV total is the ledger's, in cents");
        assertTrue(totalLines.get(0).contains(",EUR,"), totalLines.get(0));
        assertTrue(csv1.lines().skip(1).allMatch(l -> l.substring(l.lastIndexOf(',') + 1).matches("-?\\d+\\.\\d{2}")), csv1);
        given().header("Authorization", reader).get("/api/v1/allocations/runs/" + first).then().statusCode(200).body("supersededBy", equalTo(second));
        given().header("Authorization", reader).get("/api/v1/allocations/coverage?from=2024-01&to=2024-12")
                .then().statusCode(200).body("[0].runId", equalTo(second));

        given().header("Authorization", bearer("alloc-b", "x", "finops_admin")).get("/api/v1/allocations/runs/" + second).then().statusCode(404);
        given().header("Authorization", bearer(TENANT, "eng", "engineering")).contentType(ContentType.JSON)
                .body(Map.of("billingPeriod", PERIOD)).post("/api/v1/allocations/runs").then().statusCode(403);
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(Map.of("billingPeriod", "2024-13"))
                .post("/api/v1/allocations/runs").then().statusCode(400).body("errors[0].field", equalTo("billingPeriod"));
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(Map.of("billingPeriod", "2019-01"))
                .post("/api/v1/allocations/runs").then().statusCode(422).contentType("application/problem+json");

        // the synchronous form answers with the finished run; same version and ledger, same statement
        String third = given().header("Authorization", admin()).contentType(ContentType.JSON).body(Map.of("billingPeriod", PERIOD))
                .post("/api/v1/allocations/runs?wait=true").then().statusCode(201).body("status", equalTo("succeeded")).extract().path("id");
        assertEquals(csv1, given().header("Authorization", reader)
                .get("/api/v1/allocations/runs/" + third + "/results?groupBy=team,product,environment&format=csv").then().extract().asString());

        // the cost API groups by the owners of the run in force, and still adds up to the ledger
        JsonPath costs = exact(given().header("Authorization", reader)
                .get("/api/v1/costs?from=2024-10-01&to=2024-11-01&groupBy=team,costCentre,month").then().statusCode(200).extract().asString());
        List<Map<String, Object>> rows = costs.getList("rows");
        assertEquals(0, ledgerTotal().compareTo(sum(rows, "amount")), "owner rows add up to the ledger: " + rows);
        assertEquals(0, ledgerTotal().compareTo(costs.getObject("totals[0].amount", BigDecimal.class)));
        assertEquals("EUR", costs.getString("totals[0].currency"));
        Map<String, Object> unallocated = costs.getMap("rows.find { it.dimensions.team == 'unallocated' }");
        assertEquals("unallocated", ((Map<?, ?>) unallocated.get("dimensions")).get("costCentre"));
        assertEquals("2024-10-01", ((Map<?, ?>) unallocated.get("dimensions")).get("month"));
        assertEquals(0, new BigDecimal("12.34").compareTo(new BigDecimal(unallocated.get("amount").toString())));
        given().header("Authorization", reader).get("/api/v1/costs?from=2024-10-01&to=2024-11-01&groupBy=team,service")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("groupBy"));
        given().header("Authorization", reader).get("/api/v1/costs?from=2024-10-01&to=2024-11-01&groupBy=product&metric=listCost")
                .then().statusCode(400).body("errors[0].field", equalTo("metric"));
    }

    private static String draftWithTaxInTheSupportPool(String ratios) throws IOException {
        String xml;
        try (InputStream in = AllocationApiTest.class.getResourceAsStream("/rulesets/allocation/Allocation.dmn")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String draft = xml.replace("<outputEntry id=\"al01o0\"><text>\"finance\"</text>", "<outputEntry id=\"al01o0\"><text>\"shared\"</text>")
                .replace("<outputEntry id=\"al01o1\"><text>\"shared\"</text>", "<outputEntry id=\"al01o1\"><text>\"support\"</text>")
                .replace("{\"platform\": 50, \"data\": 30, \"web\": 20}", ratios);
        assertEquals(3, countDifferences(xml, draft), "the draft edits the tax row and the support ratios");
        return draft;
    }

    private static int countDifferences(String a, String b) {
        String[] x = a.split("\n");
        String[] y = b.split("\n");
        int n = 0;
        for (int i = 0; i < x.length; i++) if (!x[i].equals(y[i])) n++;
        return n;
    }

    @Test
    void aFixedRatioPolicyInTheRuleVersionSplitsExactlyAndConservesTheLedger() throws IOException {
        String hash = given().header("Authorization", admin()).contentType("application/xml")
                .body(draftWithTaxInTheSupportPool("{\"payments\": 75, \"Web\": 25}"))
                .post("/api/v1/rulesets/allocation/versions?note=tax%20by%20fixed%20ratio").then().statusCode(201).extract().path("hash");
        JsonPath sim = exact(given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(Map.of("billingPeriod", PERIOD, "version", hash)).post("/api/v1/allocations/simulate")
                .then().statusCode(200).body("versionHash", equalTo(hash)).extract().asString());
        List<Map<String, Object>> teams = sim.getList("totals.team");
        assertEquals(0, ledgerTotal().compareTo(sum(teams, "totalCost")), "conservation with a fixed split, credits and negative rows: " + teams);
        Map<String, Object> payments = teams.stream().filter(t -> t.get("team").equals("payments")).findFirst().orElseThrow();
        Map<String, Object> web = teams.stream().filter(t -> t.get("team").equals("web")).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("6.66").compareTo(new BigDecimal(payments.get("sharedCost").toString())), "75% of the 8.88 tax");
        assertEquals(0, new BigDecimal("2.22").compareTo(new BigDecimal(web.get("sharedCost").toString())), "25% of the 8.88 tax");
        assertEquals("fixed", sim.getString("sharedPools[0].method"));
        assertEquals("support", sim.getString("sharedPools[0].name"));
        assertEquals("SP-01", sim.getString("sharedPools[0].ruleId"));
    }

    @Test
    void aRunThatCannotSplitFailsWithAProblemDetail() throws Exception {
        String tenant = "alloc-f";
        String auth = bearer(tenant, "alloc-f-admin", "finops_admin");
        // the untagged sandbox row becomes a support charge, which the bundled rules put into the support pool
        String ledger = new String(fixture(), StandardCharsets.UTF_8).lines()
                .map(l -> l.contains("vm-lost-1") ? l.replace(",Compute,VM,", ",Compute,Support,") : l)
                .reduce((a, b) -> a + "\n" + b).orElseThrow() + "\n";
        assertTrue(ledger.contains(",Compute,Support,"));
        ingest(auth, ledger.getBytes(StandardCharsets.UTF_8));
        String xml;
        try (InputStream in = AllocationApiTest.class.getResourceAsStream("/rulesets/allocation/Allocation.dmn")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String broken = xml.replace("{\"platform\": 50, \"data\": 30, \"web\": 20}", "{\"web\": 0}");
        assertNotEquals(xml, broken);
        String hash = given().header("Authorization", auth).contentType("application/xml").body(broken)
                .post("/api/v1/rulesets/allocation/versions?note=broken%20ratios").then().statusCode(201).extract().path("hash");
        given().header("Authorization", auth).post("/api/v1/rulesets/allocation/versions/" + hash + "/publish").then().statusCode(200);
        String id = startRun(auth, PERIOD);
        JsonPath run = awaitRun(auth, id);
        assertEquals("failed", run.getString("status"));
        assertEquals(422, run.getInt("problem.status"));
        assertEquals("splitPolicy", run.getString("problem.errors[0].field"));
        assertTrue(run.getString("problem.detail").contains("support"), run.prettify());
        assertEquals("/api/v1/allocations/runs/" + id, run.getString("problem.instance"));
        given().header("Authorization", auth).get("/api/v1/allocations/coverage").then().statusCode(200).body("$", org.hamcrest.Matchers.hasSize(0));
        // without a run in force the whole period is unallocated in the owner view
        JsonPath costs = exact(given().header("Authorization", auth).get("/api/v1/costs?from=2024-10-01&to=2024-11-01&groupBy=team")
                .then().statusCode(200).extract().asString());
        assertEquals(1, costs.getList("rows").size(), costs.prettify());
        assertEquals("unallocated", costs.getString("rows[0].dimensions.team"));
        assertEquals(0, new BigDecimal("215.1834567890").compareTo(costs.getObject("rows[0].amount", BigDecimal.class)));
    }

    @Test
    void aRequestJoinsTheOpenRunAndARestartFailsRunsThatCanNeverFinish() throws Exception {
        java.util.UUID orphan = java.util.UUID.randomUUID();
        TenantContext.runAs(TenantContext.system(TENANT), () -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO outlay.allocation_run (id, tenant_id, billing_period, version_hash, status, created_by) "
                            + "VALUES (?, ?, DATE '2024-10-01', 'v', 'running', 'crashed-worker')")) {
                ps.setObject(1, orphan);
                ps.setString(2, TENANT);
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(orphan.toString(), startRun(admin(), PERIOD), "a second request joins the open run");
        interrupted.onStart(null);
        JsonPath dead = awaitRun(admin(), orphan.toString());
        assertEquals("failed", dead.getString("status"));
        assertEquals("Allocation run interrupted", dead.getString("problem.title"));
        String fresh = startRun(admin(), PERIOD);
        assertNotEquals(orphan.toString(), fresh);
        assertEquals("succeeded", awaitRun(admin(), fresh).getString("status"));
    }
}
