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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Allocation over a ledger with tag-key variants, tax, credits, a purchase and negative rows: conservation to the cent. */
@QuarkusTest
class AllocationApiTest {

    static final String TENANT = "alloc-a";
    static final String PERIOD = "2024-10";

    @Inject
    AgroalDataSource dataSource;

    private static String admin() {
        return bearer(TENANT, "alloc-admin", "finops_admin");
    }
    private static boolean loaded;

    @BeforeEach
    synchronized void loadLedgerOnce() throws Exception {
        if (loaded) return;
        byte[] csv;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/allocation/focus-2024-10-owners.csv")) {
            csv = in.readAllBytes();
        }
        String id = given().header("Authorization", admin()).multiPart("source", "focus")
                .multiPart("file", "focus-2024-10-owners.csv", csv, "text/csv")
                .post("/api/v1/ingestions").then().statusCode(202).extract().path("id");
        long deadline = System.currentTimeMillis() + 60_000;
        String status;
        do {
            Thread.sleep(100);
            status = given().header("Authorization", admin()).get("/api/v1/ingestions/" + id).then().statusCode(200).extract().path("status");
        } while ((status.equals("queued") || status.equals("running")) && System.currentTimeMillis() < deadline);
        assertEquals("succeeded", status);
        loaded = true;
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
        assertEquals(0, total.compareTo(sim.getObject("total", BigDecimal.class)));
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
    void runsAreIdempotentSupersedeAndStayQueryable() {
        String first = given().header("Authorization", admin()).contentType(ContentType.JSON).body(Map.of("billingPeriod", PERIOD))
                .post("/api/v1/allocations/runs").then().statusCode(201).body("status", equalTo("succeeded"))
                .body("versionHash", notNullValue()).extract().path("id");
        String second = given().header("Authorization", admin()).contentType(ContentType.JSON).body(Map.of("billingPeriod", PERIOD))
                .post("/api/v1/allocations/runs").then().statusCode(201).extract().path("id");
        String reader = bearer(TENANT, "fin", "finance");
        String csv1 = given().header("Authorization", reader).get("/api/v1/allocations/runs/" + first + "/results?groupBy=team,product,environment&format=csv")
                .then().statusCode(200).extract().asString();
        String csv2 = given().header("Authorization", reader).get("/api/v1/allocations/runs/" + second + "/results?groupBy=team,product,environment&format=csv")
                .then().statusCode(200).extract().asString();
        assertEquals(csv1, csv2, "same ledger and version give identical statements");
        BigDecimal csvTotal = csv1.lines().skip(1).map(l -> new BigDecimal(l.substring(l.lastIndexOf(',') + 1))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, ledgerTotal().compareTo(csvTotal), "chargeback CSV adds up to the ledger");
        given().header("Authorization", reader).get("/api/v1/allocations/runs/" + first).then().statusCode(200).body("supersededBy", equalTo(second));
        given().header("Authorization", reader).get("/api/v1/allocations/coverage?from=2024-01&to=2024-12")
                .then().statusCode(200).body("[0].runId", equalTo(second));

        given().header("Authorization", bearer("alloc-b", "x", "finops_admin")).get("/api/v1/allocations/runs/" + second).then().statusCode(404);
        given().header("Authorization", bearer(TENANT, "eng", "engineering")).contentType(ContentType.JSON)
                .body(Map.of("billingPeriod", PERIOD)).post("/api/v1/allocations/runs").then().statusCode(403);
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(Map.of("billingPeriod", "2024-13"))
                .post("/api/v1/allocations/runs").then().statusCode(400).body("errors[0].field", equalTo("billingPeriod"));
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(Map.of("billingPeriod", "2019-01"))
                .post("/api/v1/allocations/runs").then().statusCode(422);
    }
}
